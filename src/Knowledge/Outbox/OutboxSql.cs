using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using System.Text.RegularExpressions;
using AsnBot.Knowledge.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace AsnBot.Knowledge.Outbox;

/// <summary>
/// Runs hand-written SQL on the context's own connection (and its transaction, if any). The
/// SQL names tables and columns as the model does (<c>outbox_messages.NotBefore</c>); SQLite
/// takes that as it is, while PostgreSQL folds unquoted names to lower case, so there every
/// model column name in the text is quoted (once per statement, then cached) and ids travel as
/// uuid values instead of SQLite's upper-case text.
/// </summary>
internal static partial class OutboxSql
{
    public const string Table = "outbox_messages";
    public const string PostgresProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    private static readonly ConcurrentDictionary<string, string> PostgresStatements = new(StringComparer.Ordinal);
    private static volatile HashSet<string>? _columns;

    public static bool IsPostgres(AsnBotDbContext db) => db.Database.ProviderName == PostgresProvider;

    public static async Task<DbCommand> CommandAsync(AsnBotDbContext db, string sql, IEnumerable<(string Name, object? Value)> parameters, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return Command(db, db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction(), sql, parameters);
    }

    /// <summary>A command on another open connection to the same database as <paramref name="db"/> (whose model names the columns).</summary>
    public static DbCommand Command(AsnBotDbContext db, DbConnection connection, DbTransaction? transaction, string sql, IEnumerable<(string Name, object? Value)> parameters)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var postgres = IsPostgres(db);
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // The SQL is built from constants; every value is a parameter.
        command.CommandText = postgres ? ForPostgres(db, sql) : sql;
#pragma warning restore CA2100
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value switch
            {
                null => DBNull.Value,
                DateTimeOffset instant => instant.UtcTicks,
                Guid id when !postgres => id.ToString().ToUpperInvariant(),
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

    /// <summary>The statement with the model's column names quoted, as PostgreSQL needs them.</summary>
    public static string ForPostgres(AsnBotDbContext db, string sql) =>
        PostgresStatements.GetOrAdd(sql, text => QuoteColumns(text, Columns(db.Model)));

    /// <summary>An id column read back: a uuid on PostgreSQL, upper-case text on SQLite.</summary>
    public static Guid ReadGuid(DbDataReader reader, int ordinal) =>
        reader.GetValue(ordinal) is Guid id ? id : Guid.Parse(reader.GetString(ordinal));

    /// <summary>Quotes each model column name that stands as a bare word outside string literals.</summary>
    internal static string QuoteColumns(string sql, IReadOnlySet<string> columns)
    {
        var quoted = new StringBuilder(sql.Length + 64);
        var parts = sql.Split('\'');
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
                quoted.Append('\'');
            // Even parts are SQL, odd parts are inside '...' literals and stay as written.
            quoted.Append(i % 2 == 1 ? parts[i] : BareName().Replace(parts[i], m => columns.Contains(m.Value) ? $"\"{m.Value}\"" : m.Value));
        }
        return quoted.ToString();
    }

    private static HashSet<string> Columns(IModel model)
    {
        if (_columns is { } known)
            return known;
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entity in model.GetEntityTypes())
        {
            if (entity.GetTableName() is not { } table)
                continue;
            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            foreach (var property in entity.GetProperties())
            {
                if (property.GetColumnName(store) is { } column && column.Any(char.IsUpper))
                    names.Add(column);
            }
        }
        return _columns = names;
    }

    [GeneratedRegex(@"(?<![@""\w])[A-Za-z_][A-Za-z0-9_]*(?![\w""])")]
    private static partial Regex BareName();
}
