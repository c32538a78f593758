using System.Globalization;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Profiles;

namespace AsnBot.Knowledge.Outbox;

/// <summary>
/// Resolves a broadcast's audience into outbox rows, in batches of people taken by key
/// order (keyset pagination): each batch is one INSERT ... SELECT in a short transaction, so
/// nobody is held in memory and the dispatcher keeps writing between batches.
/// </summary>
public static class BroadcastAudience
{
    public const int DefaultBatchSize = 5000;

    /// <summary>How many people the filter reaches now, per channel they would get it on.</summary>
    public static async Task<IReadOnlyDictionary<string, int>> CountByChannelAsync(AsnBotDbContext db, AudienceFilter filter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var audience = new AudienceSql(filter, now);
        var sql = $"""
            SELECT c."Channel", COUNT(*) FROM people p JOIN channel_accounts c ON {audience.AccountJoin}
            WHERE {audience.PreferredAccount} AND {audience.PersonCondition} GROUP BY c."Channel"
            """;
        await using var command = await OutboxSql.CommandAsync(db, sql, audience.Parameters.Select(p => (p.Name, (object?)p.Value)), cancellationToken).ConfigureAwait(false);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            counts[reader.GetString(0)] = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
        return counts;
    }

    /// <summary>The keyset lower bound on a person id column; the first batch has none.</summary>
    private static string After(bool first, string key = "p.\"Id\"") => first ? "1 = 1" : key + " > @after";

    /// <summary>
    /// Writes one pending row per person in the audience, due at the broadcast's local send
    /// time in that person's zone (or now), pushed out of quiet hours. Running it again adds
    /// nobody twice (dedupe key); it stops between batches when the broadcast is cancelled.
    /// Returns the number of rows the broadcast has.
    /// </summary>
    public static async Task<int> EnqueueAsync(
        AsnBotDbContext db, long broadcastId, DeliveryWindow window, DateTimeOffset now, CancellationToken cancellationToken, int batchSize = DefaultBatchSize)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(window);
        var broadcast = await db.Set<Broadcast>().FindAsync([broadcastId], cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Broadcast {broadcastId} does not exist.");
        if (broadcast.Status == BroadcastStatus.Cancelled)
            return 0;
        broadcast.Status = BroadcastStatus.Enqueueing;
        broadcast.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        var audience = new AudienceSql(AudienceFilter.FromJson(broadcast.AudienceJson), now);
        var payload = BroadcastMessage.Payload(broadcast);
        var parameters = new List<(string, object?)>(audience.Parameters.Select(p => (p.Name, (object?)p.Value)))
        {
            ("@broadcast", broadcastId),
            ("@kind", payload.Buttons is { Count: > 0 } ? OutboxKind.TextWithButtons : OutboxKind.Text),
            ("@payload", payload.ToJson()),
            ("@now", now),
            ("@wib", DueAt(broadcast, window, IndonesianTimeZone.WIB, now)),
            ("@wita", DueAt(broadcast, window, IndonesianTimeZone.WITA, now)),
            ("@wit", DueAt(broadcast, window, IndonesianTimeZone.WIT, now)),
            ("@limit", batchSize),
        };
        // The last id of the next batch; the first batch has no lower bound, so the key's type
        // (text on SQLite, uuid on PostgreSQL) is only ever what the database itself returned.
        string BatchEnd(bool first) => $"""
            SELECT batch."Id" FROM (SELECT p."Id" FROM people p WHERE {After(first)} AND {audience.PersonCondition} ORDER BY p."Id" LIMIT @limit) AS batch
            ORDER BY batch."Id" DESC LIMIT 1
            """;
        string Insert(bool first) => $"""
            INSERT INTO {OutboxSql.Table} ("PersonId", "Channel", "Address", "Kind", "PayloadJson", "NotBefore", "DedupeKey", "BroadcastId", "Status", "Attempts", "CreatedAt", "UpdatedAt")
            SELECT p."Id", c."Channel", c."Address", @kind, @payload,
                   CASE p."TimeZone" WHEN 'WIT' THEN @wit WHEN 'WITA' THEN @wita ELSE @wib END,
                   'broadcast:' || @broadcast || ':' || p."Id", @broadcast, 'Pending', 0, @now, @now
            FROM people p JOIN channel_accounts c ON {audience.AccountJoin}
            WHERE {After(first)} AND p."Id" <= @upper AND {After(first, "c.\"PersonId\"")} AND c."PersonId" <= @upper
              AND {audience.PreferredAccount} AND {audience.PersonCondition}
            ON CONFLICT ("DedupeKey") DO NOTHING
            """;

        object? after = null;
        while (true)
        {
            var first = after is null;
            var upper = await OutboxSql.ScalarAsync(db, BatchEnd(first), [.. parameters, ("@after", after)], cancellationToken).ConfigureAwait(false);
            if (upper is null)
                break;
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
            {
                var status = await OutboxSql.ScalarAsync(db, "SELECT \"Status\" FROM broadcasts WHERE \"Id\" = @broadcast", [("@broadcast", broadcastId)], cancellationToken).ConfigureAwait(false) as string;
                if (status == nameof(BroadcastStatus.Cancelled))
                    return await CountAsync(db, broadcastId, cancellationToken).ConfigureAwait(false);
                await OutboxSql.ExecuteAsync(db, Insert(first), [.. parameters, ("@after", after), ("@upper", upper)], cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            after = upper;
        }

        var targeted = await CountAsync(db, broadcastId, cancellationToken).ConfigureAwait(false);
        await OutboxSql.ExecuteAsync(db,
            "UPDATE broadcasts SET \"Status\" = @enqueued, \"Targeted\" = @targeted, \"UpdatedAt\" = @now WHERE \"Id\" = @broadcast AND \"Status\" <> @cancelled",
            [("@enqueued", BroadcastStatus.Enqueued), ("@cancelled", BroadcastStatus.Cancelled), ("@targeted", targeted), ("@now", now), ("@broadcast", broadcastId)],
            cancellationToken).ConfigureAwait(false);
        return targeted;
    }

    /// <summary>The send instant for a zone: the local send time there, never earlier than now, out of quiet hours.</summary>
    public static DateTimeOffset DueAt(Broadcast broadcast, DeliveryWindow window, IndonesianTimeZone zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(broadcast);
        ArgumentNullException.ThrowIfNull(window);
        var planned = broadcast.SendAtLocal is { } local ? new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone.Offset()) : now;
        return window.NextAllowed(planned < now ? now : planned, zone);
    }

    private static async Task<int> CountAsync(AsnBotDbContext db, long broadcastId, CancellationToken cancellationToken) =>
        Convert.ToInt32(await OutboxSql.ScalarAsync(db, $"SELECT COUNT(*) FROM {OutboxSql.Table} WHERE \"BroadcastId\" = @broadcast", [("@broadcast", broadcastId)], cancellationToken).ConfigureAwait(false),
            CultureInfo.InvariantCulture);
}
