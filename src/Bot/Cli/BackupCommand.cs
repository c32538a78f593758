using System.CommandLine;
using AsnBot.Knowledge.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AsnBot.Cli;

/// <summary>
/// <c>backup --out FILE</c>: a consistent copy of the SQLite database while the bot keeps
/// running (SQLite's VACUUM INTO reads one snapshot). PostgreSQL has pg_dump for that.
/// </summary>
public static class BackupCommand
{
    public static Command Build()
    {
        var output = new Option<FileInfo>("--out") { Description = "The backup file to write (must not exist).", Required = true };
        var command = new Command("backup", "Write a consistent copy of the SQLite database, even while the bot runs.") { output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetValue(output)!;
            using var host = BotCommandLine.BuildToolHost();
            if (host.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider != DatabaseProvider.Sqlite)
            {
                await Console.Error.WriteLineAsync("backup copies a SQLite database; for PostgreSQL use pg_dump (see docs/operations.md).");
                return 2;
            }
            if (file.Exists)
            {
                await Console.Error.WriteLineAsync($"{file.FullName} already exists; choose a new file name.");
                return 2;
            }
            file.Directory?.Create();
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AsnBotDbContext>();
            await db.Database.ExecuteSqlAsync($"VACUUM INTO {file.FullName}", cancellationToken);
            await Console.Out.WriteLineAsync($"Backup written to {file.FullName} ({new FileInfo(file.FullName).Length:N0} bytes).");
            return 0;
        });
        return command;
    }
}
