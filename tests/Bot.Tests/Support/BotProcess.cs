using System.Diagnostics;

namespace AsnBot.Bot.Tests.Support;

/// <summary>The real program as an operator runs it, in a child process, on a given SQLite file.</summary>
internal static class BotProcess
{
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string databaseFile, string workingDirectory, params string[] args)
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
