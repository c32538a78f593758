using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AsnBot.TestPeers;

namespace AsnBot.EndToEnd.Tests.ScaleOut;

/// <summary>
/// The real program as a child process (<c>dotnet AsnBot.dll serve</c>) on a loopback port of its
/// own, configured through the environment as an operator would; ready once <c>/healthz</c> answers 200.
/// </summary>
public sealed class BotInstance : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private BotInstance(Process process, int port)
    {
        _process = process;
        Port = port;
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        Http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Port { get; }

    public Uri BaseUrl { get; }

    public HttpClient Http { get; }

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    /// <summary>Starts <c>serve</c> on <paramref name="port"/> and waits until it reports healthy.</summary>
    public static async Task<BotInstance> StartAsync(IReadOnlyDictionary<string, string> settings, int port)
    {
        var instance = new BotInstance(Process.Start(StartInfo(settings, port, "serve")) ?? throw new InvalidOperationException("dotnet did not start"), port);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (instance.HasExited)
                throw new InvalidOperationException("The bot stopped while starting: " + instance.Output);
            try
            {
                using var response = await instance.Http.GetAsync(new Uri("healthz", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                    return instance;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The bot did not become healthy in 60 s: " + instance.Output);
            await Task.Delay(100);
        }
    }

    /// <summary>Runs an operator command (<c>migrate</c>, <c>seed-demo</c>, <c>broadcast ...</c>) to its end; returns its output.</summary>
    public static async Task<string> RunCommandAsync(IReadOnlyDictionary<string, string> settings, params string[] args)
    {
        using var process = Process.Start(StartInfo(settings, port: null, args)) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"'{string.Join(' ', args)}' exited with {process.ExitCode}: {await errors}{await output}");
        return await output;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> settings, int? port, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AsnBot.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["Content__DialogsPath"] = RepoPaths.Dialogs;
        start.Environment["Content__DataPath"] = RepoPaths.Data;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Urls"] = port is { } p ? $"http://127.0.0.1:{p}" : "http://127.0.0.1:0";
        foreach (var (key, value) in settings)
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        return start;
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }

    /// <summary>SIGKILL, as a crash would.</summary>
    public void KillHard()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        KillHard();
        _process.Dispose();
        Http.Dispose();
        return ValueTask.CompletedTask;
    }
}
