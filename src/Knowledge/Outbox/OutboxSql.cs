using System.Data.Common;
using AsnBot.Knowledge.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AsnBot.Knowledge.Outbox;

/// <summary>Runs hand-written SQL on the context's own connection (and its transaction, if any).</summary>
internal static class OutboxSql
{
    public const string Table = "outbox_messages";

    public static async Task<DbCommand> CommandAsync(AsnBotDbContext db, string sql, IEnumerable<(string Name, object? Value)> parameters, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var command = db.Database.GetDbConnection().CreateCommand();
#pragma warning disable CA2100 // The SQL is built from constants; every value is a parameter.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        // SQLite keeps Guids as upper-case text (EF Core's mapping); PostgreSQL has a uuid type.
        var isSqlite = db.Database.IsSqlite();
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value switch
            {
                null => DBNull.Value,
                DateTimeOffset instant => instant.UtcTicks,
                Guid id when isSqlite => id.ToString().ToUpperInvariant(),
                Enum e => e.ToString(),
                _ => value,
            };
            command.Parameters.Add(parameter);
        }
        return command;
    }

    public static async Task<int> ExecuteAsync(AsnBotDbContext db, string sql, IEnumerable<(string Name, object? Value)> parameters, CancellationToken cancellationToken)
    {
        await using var command = await CommandAsync(db, sql, parameters, cancellationToken).ConfigureAwait(false);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task<object?> ScalarAsync(AsnBotDbContext db, string sql, IEnumerable<(string Name, object? Value)> parameters, CancellationToken cancellationToken)
    {
        await using var command = await CommandAsync(db, sql, parameters, cancellationToken).ConfigureAwait(false);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is DBNull ? null : value;
    }
}
