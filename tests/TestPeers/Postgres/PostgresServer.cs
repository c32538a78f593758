using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AsnBot.TestPeers.Postgres;

/// <summary>
/// A real PostgreSQL server of the test's own: initdb into a temporary folder, started with
/// pg_ctl on a free loopback port, stopped and deleted on dispose. initdb refuses to run as
/// root, so as root every server command runs as the 'postgres' user.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _folder;
    private readonly bool _isRoot;
    private int _databases;

    private PostgresServer(string folder, int port, bool isRoot)
    {
        _folder = folder;
        Port = port;
        _isRoot = isRoot;
    }

    public int Port { get; }

    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false";

    public static async Task<PostgresServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var isRoot = Environment.UserName == "root";
        var folder = Path.Combine(Path.GetTempPath(), "asnbot-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        if (isRoot)
            await RunAsync("chown", ["postgres:postgres", folder], asPostgres: false, cancellationToken);

        var server = new PostgresServer(folder, FreePort(), isRoot);
        await server.RunServerToolAsync("initdb", ["-D", server.DataFolder, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C"], cancellationToken);
        await server.StartAgainAsync(cancellationToken);
        return server;
    }

    private string DataFolder => Path.Combine(_folder, "data");

    /// <summary>Stops the server (fast shutdown: open connections are cut), as an outage or a restart would.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) =>
        RunServerToolAsync("pg_ctl", ["-D", DataFolder, "-m", "fast", "-w", "-t", "60", "stop"], cancellationToken);

    /// <summary>Starts a stopped server again on the same port, with its databases as they were.</summary>
    public Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        var options = $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        return RunServerToolAsync("pg_ctl", ["-D", DataFolder, "-o", options, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "start"], cancellationToken);
    }

    /// <summary>A fresh, empty database for one test (or one fixture).</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var name = $"asnbot_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..40];
        await RunServerToolAsync("psql", ["-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-c", $"CREATE DATABASE {name}"], cancellationToken);
        return $"Host=127.0.0.1;Port={Port};Username=postgres;Database={name}";
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunServerToolAsync("pg_ctl", ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"], CancellationToken.None);
        }
        finally
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A server that did not stop in time keeps files open; the temp folder is cleaned by the OS.
            }
        }
    }

    private Task RunServerToolAsync(string tool, IReadOnlyList<string> args, CancellationToken cancellationToken) =>
        RunAsync(tool, args, _isRoot, cancellationToken);

    private static async Task RunAsync(string tool, IReadOnlyList<string> args, bool asPostgres, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asPostgres)
        {
            foreach (var prefix in new[] { "-u", "postgres", "--", tool })
                start.ArgumentList.Add(prefix);
        }
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} failed with exit code {process.ExitCode}: {await errors}{await output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
