using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AsnBot.Knowledge.Persistence;

/// <summary>
/// WAL lets readers run beside the single writer; synchronous=NORMAL is durable under WAL
/// except for the last transactions on power loss. busy_timeout makes a second writer wait
/// instead of failing at once. Set on every connection because only journal_mode persists.
/// A read-only connection (EF Core opens one to see whether the database exists) cannot switch
/// the journal mode, which a database restored from a backup (VACUUM INTO writes a rollback
/// journal file) still needs, so it leaves that to the first writer.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string SessionPragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON;";

    private static string Pragmas(DbConnection connection) =>
        new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection.ConnectionString).Mode == Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly
            ? SessionPragmas
            : "PRAGMA journal_mode=WAL; " + SessionPragmas;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas(connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
