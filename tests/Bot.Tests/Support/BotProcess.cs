using System.Diagnostics;
using System.Text;

namespace AsnBot.Bot.Tests.Support;

/// <summary>The real program as a child process (<c>dotnet AsnBot.dll ...</c>) on a database of the test's.</summary>
public sealed class BotProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private BotProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    public static BotProcess Start(string databaseFile, IReadOnlyDictionary<string, string> settings, params string[] args)
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
        start.Environment["ConnectionStrings__AsnBot"] = $"Data Source={databaseFile}";
        start.Environment["Content__DialogsPath"] = RepoPaths.Dialogs;
        start.Environment["Content__DataPath"] = RepoPaths.Data;
        start.Environment["Urls"] = "http://127.0.0.1:0";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        return new BotProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// <summary>Runs a command to its end and returns its standard output.</summary>
    public static async Task<string> RunAsync(string databaseFile, IReadOnlyDictionary<string, string> settings, params string[] args)
    {
        using var process = Start(databaseFile, settings, args);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process._process.WaitForExitAsync(timeout.Token);
        process._process.WaitForExit();
        if (process._process.ExitCode != 0)
            throw new InvalidOperationException($"'{string.Join(' ', args)}' exited with {process._process.ExitCode}: {process.Output}");
        return process.Output;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing; what a crash or an OOM kill looks like.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public bool HasExited => _process.HasExited;

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            KillHard();
        _process.Dispose();
    }

    /// <summary>Runs an operator command in the given working directory and returns its exit code, standard output and standard error.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunCommandAsync(string databaseFile, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AsnBot.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["Content__DialogsPath"] = RepoPaths.Dialogs;
        start.Environment["Content__DataPath"] = RepoPaths.Data;
        start.Environment["ConnectionStrings__AsnBot"] = $"Data Source={databaseFile}";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }
}
