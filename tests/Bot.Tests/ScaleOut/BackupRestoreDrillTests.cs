using System.Diagnostics;
using AsnBot.Bot.Tests.Support;
using Microsoft.Data.Sqlite;

namespace AsnBot.Bot.Tests.ScaleOut;

/// <summary>The backup and restore drill in docs/operations.md, run as written.</summary>
[Trait("Category", "EndToEnd")]
public sealed class BackupRestoreDrillTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"asnbot-drill-{Guid.NewGuid():N}");

    [Fact]
    public async Task The_backup_restore_drill_script_restores_every_person_into_a_database_that_opens()
    {
        Directory.CreateDirectory(_folder);
        var live = Path.Combine(_folder, "live.db");
        await BotProcess.RunAsync(live, new Dictionary<string, string>(), "seed-demo", "--people", "40");

        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(RepoPaths.Root, "docs", "backup-restore-drill.sh"), Path.Combine(AppContext.BaseDirectory, "AsnBot.dll"), live, Path.Combine(_folder, "restore") })
            start.ArgumentList.Add(arg);
        start.Environment["Content__DialogsPath"] = RepoPaths.Dialogs;
        start.Environment["Content__DataPath"] = RepoPaths.Data;
        using var script = Process.Start(start)!;
        var output = script.StandardOutput.ReadToEndAsync();
        var errors = script.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await script.WaitForExitAsync(timeout.Token);
        Assert.True(script.ExitCode == 0, await errors + await output);
        Assert.Contains("restored", await output, StringComparison.Ordinal);

        var restored = Path.Combine(_folder, "restore", "asnbot.db");
        Assert.Equal(40, await CountAsync(restored, "SELECT COUNT(*) FROM people"));
        Assert.Equal(await CountAsync(live, "SELECT COUNT(*) FROM __EFMigrationsHistory"), await CountAsync(restored, "SELECT COUNT(*) FROM __EFMigrationsHistory"));
    }

    private static async Task<long> CountAsync(string file, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }
}
