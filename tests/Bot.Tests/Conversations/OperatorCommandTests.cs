using System.Diagnostics;
using AsnBot.Bot.Tests.Support;

namespace AsnBot.Bot.Tests.Conversations;

/// <summary>The real program, as an operator runs it, on a copy of the dialogs with one mistake.</summary>
/// <remarks>Also covers <c>migrate</c>, the other one-shot operator command.</remarks>
public sealed class OperatorCommandTests : IDisposable
{
    private readonly string _dialogs = Path.Combine(Path.GetTempPath(), "asnbot-dialogs-" + Guid.NewGuid().ToString("N"));

    public OperatorCommandTests()
    {
        Directory.CreateDirectory(_dialogs);
        foreach (var file in Directory.GetFiles(RepoPaths.Dialogs, "*.yaml"))
            File.Copy(file, Path.Combine(_dialogs, Path.GetFileName(file)));
    }

    public void Dispose() => Directory.Delete(_dialogs, recursive: true);

    [Fact]
    public async Task Validate_dialogs_passes_on_the_shipped_dialogs()
    {
        var (exitCode, output, _) = await RunAsync("validate-dialogs");
        Assert.Equal(0, exitCode);
        Assert.Contains("valid", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_dialogs_names_file_and_line_and_exits_non_zero()
    {
        BreakHelpDialog();
        var (exitCode, _, errors) = await RunAsync("validate-dialogs");
        Assert.Equal(1, exitCode);
        Assert.Contains("help.yaml:5: step 'help' has unknown kind 'mesage'", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_refuses_to_start_on_an_invalid_dialog_with_the_same_message()
    {
        BreakHelpDialog();
        var (exitCode, _, errors) = await RunAsync("--urls", "http://127.0.0.1:0");
        Assert.Equal(1, exitCode);
        Assert.Contains("help.yaml:5: step 'help' has unknown kind 'mesage'", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_creates_the_database_and_exits()
    {
        var (exitCode, output, _) = await RunAsync("migrate");
        Assert.Equal(0, exitCode);
        Assert.Contains("Database is up to date.", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_dialogs, "test.db")));
        var (again, _, _) = await RunAsync("migrate");
        Assert.Equal(0, again);
    }

    [Fact]
    public async Task Backup_writes_a_consistent_copy_that_holds_the_same_data()
    {
        Assert.Equal(0, (await RunAsync("migrate")).ExitCode);
        var copy = Path.Combine(_dialogs, "backup", "asnbot-backup.db");
        var (exitCode, output, _) = await RunAsync("backup", "--out", copy);
        Assert.Equal(0, exitCode);
        Assert.Contains("Backup written", output, StringComparison.Ordinal);

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={copy};Pooling=false");
        await connection.OpenAsync();
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT COUNT(*) FROM __EFMigrationsHistory";
        Assert.True((long)(await query.ExecuteScalarAsync())! >= 1);

        Assert.Equal(2, (await RunAsync("backup", "--out", copy)).ExitCode);
    }

    [Fact]
    public async Task Enrollment_and_JP_review_commands_refuse_with_a_reason_and_list_claims()
    {
        var (refused, _, reason) = await RunAsync("enrollment", "set", "--nip", "198503122010011003", "--training", "PLT-001", "--status", "completed");
        Assert.Equal(1, refused);
        Assert.Contains("Ditolak: tidak ada pegawai terdaftar dengan NIP ini", reason, StringComparison.Ordinal);
        var (listed, claims, _) = await RunAsync("jp", "review", "list");
        Assert.Equal(0, listed);
        Assert.Equal("[]", claims.Trim());
        Assert.Equal(1, (await RunAsync("jp", "review", "approve", Guid.NewGuid().ToString())).ExitCode);
    }

    private void BreakHelpDialog()
    {
        var path = Path.Combine(_dialogs, "help.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("kind: message", "kind: mesage", StringComparison.Ordinal));
    }

    private async Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AsnBot.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["Content__DialogsPath"] = _dialogs;
        start.Environment["Content__DataPath"] = RepoPaths.Data;
        start.Environment["ConnectionStrings__AsnBot"] = $"Data Source={Path.Combine(_dialogs, "test.db")}";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }
}
