using System.Collections.Concurrent;
using System.Data.Common;
using AsnBot.Knowledge.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Knowledge.Outbox;

/// <summary>
/// A broadcast's audience cut into batches of people by key order, each written as one
/// INSERT ... SELECT in its own short transaction: the rows are made on the server, nothing but
/// the batch bounds passes through here, and the dispatcher keeps writing between batches. On
/// PostgreSQL the cost of a row is the server's index and foreign-key work, one core per
/// connection, so two connections write batches side by side; SQLite has one writer, so there
/// the batches go one after another.
/// </summary>
internal sealed class AudienceBatches(
    AsnBotDbContext db, AudienceSql audience, long broadcastId, int batchSize, IReadOnlyList<(string Name, object? Value)> values)
{
    private const int PostgresConnections = 2;

    /// <summary>A batch: people with keys after <see cref="After"/> up to <see cref="Upper"/>; null is open.</summary>
    private sealed record KeyRange(object? After, object? Upper);

    /// <summary>Writes every batch; false when the broadcast was cancelled (or deleted) meanwhile, and the batches not yet written stay unwritten.</summary>
    public async Task<bool> WriteAsync(CancellationToken cancellationToken)
    {
        var ranges = new ConcurrentQueue<KeyRange>(await RangesAsync(cancellationToken).ConfigureAwait(false));
        var own = db.Database.GetDbConnection();
        if (!OutboxSql.IsPostgres(db) || ranges.Count == 1)
            return await DrainAsync(own, ranges, cancellationToken).ConfigureAwait(false);

        var factory = DbProviderFactories.GetFactory(own) ?? throw new InvalidOperationException("The database provider offers no way to open a second connection.");
        var connections = new List<DbConnection>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            for (var i = 1; i < PostgresConnections; i++)
            {
                var connection = factory.CreateConnection() ?? throw new InvalidOperationException("The database provider did not open a second connection.");
                connections.Add(connection);
                connection.ConnectionString = db.Database.GetConnectionString();
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            }
            var written = await Task.WhenAll(connections.Prepend(own).Select(c => StopAllOnFailureAsync(c, ranges, stop))).ConfigureAwait(false);
            return written.All(done => done);
        }
        finally
        {
            foreach (var connection in connections)
                await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<bool> StopAllOnFailureAsync(DbConnection connection, ConcurrentQueue<KeyRange> ranges, CancellationTokenSource stop)
    {
        try
        {
            return await DrainAsync(connection, ranges, stop.Token).ConfigureAwait(false);
        }
        catch
        {
            await stop.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// The batch bounds: every batchSize-th key of the audience, in key order. The last batch is
    /// open above, so people registered meanwhile with a higher key are still reached; the key's
    /// type (text on SQLite, uuid on PostgreSQL) is only ever what the database itself returned.
    /// </summary>
    private async Task<List<KeyRange>> RangesAsync(CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT k."Id" FROM (SELECT p."Id", ROW_NUMBER() OVER (ORDER BY p."Id") AS n FROM people p WHERE {audience.PersonCondition}) AS k
            WHERE k.n % @limit = 0 ORDER BY k."Id"
            """;
        await using var command = await OutboxSql.CommandAsync(db, sql, [.. AudienceParameters, ("@limit", batchSize)], cancellationToken).ConfigureAwait(false);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var ranges = new List<KeyRange>();
        object? after = null;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var upper = reader.GetValue(0);
            ranges.Add(new KeyRange(after, upper));
            after = upper;
        }
        ranges.Add(new KeyRange(after, null));
        return ranges;
    }

    private IEnumerable<(string Name, object? Value)> AudienceParameters => audience.Parameters.Select(p => (p.Name, (object?)p.Value));

    private async Task<bool> DrainAsync(DbConnection connection, ConcurrentQueue<KeyRange> ranges, CancellationToken cancellationToken)
    {
        while (ranges.TryDequeue(out var range))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            // On PostgreSQL the batch holds the broadcast row shared until it commits: a cancel (an
            // update of that row) waits for the batch, then cancels its rows too, and the next batch
            // sees the cancel. SQLite runs one writer at a time, which orders them the same way.
            var statusSql = "SELECT \"Status\" FROM broadcasts WHERE \"Id\" = @broadcast" + (OutboxSql.IsPostgres(db) ? " FOR SHARE" : "");
            await using (var status = OutboxSql.Command(db, connection, transaction, statusSql, [("@broadcast", broadcastId)]))
            {
                if (await status.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not string current || current == nameof(BroadcastStatus.Cancelled))
                    return false;
            }
            await using (var insert = OutboxSql.Command(db, connection, transaction, InsertSql(range),
                [.. values, .. AudienceParameters, ("@after", range.After), ("@upper", range.Upper)]))
            {
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        return true;
    }

    /// <summary>The batch's rows; a person who already has one for this broadcast is skipped (the unique index on broadcast and person).</summary>
    private string InsertSql(KeyRange range) => $"""
        INSERT INTO {OutboxSql.Table} ("PersonId", "Channel", "Address", "Kind", "PayloadJson", "NotBefore", "DedupeKey", "BroadcastId", "Status", "Attempts", "CreatedAt", "UpdatedAt")
        SELECT p."Id", c."Channel", c."Address", @kind, @payload,
               CASE p."TimeZone" WHEN 'WIT' THEN @wit WHEN 'WITA' THEN @wita ELSE @wib END,
               'broadcast:' || @broadcast || ':' || p."Id", @broadcast, 'Pending', 0, @now, @now
        FROM people p JOIN channel_accounts c ON {audience.AccountJoin}
        WHERE {Within(range, "p.\"Id\"")} AND {Within(range, "c.\"PersonId\"")}
          AND {audience.PreferredAccount} AND {audience.PersonCondition}
        ON CONFLICT ("BroadcastId", "PersonId") WHERE {OutboxFilters.BroadcastMessage} DO NOTHING
        """;

    private static string Within(KeyRange range, string key) =>
        (range.After is null ? "1 = 1" : key + " > @after") + (range.Upper is null ? "" : " AND " + key + " <= @upper");
}
