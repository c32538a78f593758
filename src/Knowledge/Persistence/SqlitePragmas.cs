using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AsnBot.Knowledge.Persistence;

/// <summary>
/// WAL lets readers run beside the single writer; synchronous=NORMAL is durable under WAL
/// except for the last transactions on power loss. busy_timeout makes a second writer wait
/// instead of failing at once. These are settings of the SQLite connection itself (only
/// journal_mode persists in the file), so they are set once per physical connection: the
/// connection pool hands the same one out again and again, and each open of a pooled
/// connection would otherwise run the statements again.
/// A read-only connection (EF Core opens one to see whether the database exists) cannot switch
/// the journal mode, which a database restored from a backup (VACUUM INTO writes a rollback
/// journal file) still needs, so it leaves that to the first writer.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string SessionPragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON;";

    // Keyed by the native connection, which outlives the pooled SqliteConnection objects that
    // wrap it and is collected with it when the pool closes it.
    private static readonly ConditionalWeakTable<object, object> Configured = [];

    private static string Pragmas(DbConnection connection) =>
        new SqliteConnectionStringBuilder(connection.ConnectionString).Mode == SqliteOpenMode.ReadOnly
            ? SessionPragmas
            : "PRAGMA journal_mode=WAL; " + SessionPragmas;

    /// <summary>The physical connection to configure, or null when it already is.</summary>
    private static object? Unconfigured(DbConnection connection)
    {
        object key = connection is SqliteConnection { Handle: { } handle } ? handle : connection;
        return Configured.TryGetValue(key, out _) ? null : key;
    }

    /// <summary>Sets the pragmas on a connection opened outside EF Core, as the interceptor sets them on its own.</summary>
    public static async Task ApplyAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas(connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (Unconfigured(connection) is not { } handle)
            return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas(connection);
        command.ExecuteNonQuery();
        Configured.AddOrUpdate(handle, handle);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (Unconfigured(connection) is not { } handle)
            return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas(connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        Configured.AddOrUpdate(handle, handle);
    }
}
