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

    /// <summary>
    /// Writes one pending row per person in the audience, due at the broadcast's local send
    /// time in that person's zone (or now), pushed out of quiet hours. Running it again adds
    /// nobody twice (one row per broadcast and person); it stops between batches when the
    /// broadcast is cancelled. Returns the number of rows the broadcast has.
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
        var batches = new AudienceBatches(db, audience, broadcastId, batchSize, [
            ("@broadcast", broadcastId),
            ("@kind", payload.Buttons is { Count: > 0 } ? OutboxKind.TextWithButtons : OutboxKind.Text),
            ("@payload", payload.ToJson()),
            ("@now", now),
            ("@wib", DueAt(broadcast, window, IndonesianTimeZone.WIB, now)),
            ("@wita", DueAt(broadcast, window, IndonesianTimeZone.WITA, now)),
            ("@wit", DueAt(broadcast, window, IndonesianTimeZone.WIT, now)),
        ]);
        if (!await batches.WriteAsync(cancellationToken).ConfigureAwait(false))
            return await CountAsync(db, broadcastId, cancellationToken).ConfigureAwait(false);

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
