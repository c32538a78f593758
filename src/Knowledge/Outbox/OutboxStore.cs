using System.Globalization;
using AsnBot.Knowledge.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Knowledge.Outbox;

/// <summary>A row the dispatcher took; only what sending needs.</summary>
public sealed record ClaimedMessage(long Id, Guid PersonId, string Channel, string Address, OutboxKind Kind, string PayloadJson, int Attempts, long? BroadcastId);

/// <summary>What became of one claimed row.</summary>
public abstract record DeliveryOutcome(long Id)
{
    public sealed record Delivered(long Id) : DeliveryOutcome(Id);

    /// <summary>Back to pending until <paramref name="NotBefore"/>; <paramref name="CountsAsAttempt"/> is false for throttling.</summary>
    public sealed record Retry(long Id, DateTimeOffset NotBefore, bool CountsAsAttempt, string? Error) : DeliveryOutcome(Id)
    {
        /// <summary>The row's new payload, when part of it went out before the failure: what is left to send.</summary>
        public string? PayloadJson { get; init; }
    }

    public sealed record GaveUp(long Id, string? Error) : DeliveryOutcome(Id);

    public sealed record Unreachable(long Id, string Channel, string Address, string? Error) : DeliveryOutcome(Id);
}

/// <summary>
/// The outbox's state changes, each one short statement: claim due rows, record outcomes,
/// give expired claims back, cancel a broadcast. SQLite runs one writer at a time, so an
/// UPDATE ... WHERE Id IN (SELECT ... LIMIT n) RETURNING is an atomic claim there. On
/// PostgreSQL several instances claim at once: the due rows are locked with
/// <c>FOR UPDATE SKIP LOCKED</c>, so each claimer takes rows no other one holds, and a row
/// claimed meanwhile is seen as 'Sending' when its lock is released; that is the one
/// provider-specific statement (<see cref="ClaimSql"/>).
/// </summary>
public static class OutboxStore
{
    private const string Table = OutboxSql.Table;

    // "Status = 'Pending'" is the claim index's filter, said word for word so that both planners read
    // the due rows, in order, from that small index alone; OutboxIndexTests holds them to it.
    public static string ClaimSql(string? providerName) => providerName switch
    {
        "Microsoft.EntityFrameworkCore.Sqlite" => $"""
            UPDATE {Table} SET Status = 'Sending', ClaimedBy = @owner, ClaimedAt = @now, UpdatedAt = @now, Attempts = Attempts + 1
            WHERE Id IN (SELECT Id FROM {Table} WHERE Channel = @channel AND Status = 'Pending' AND NotBefore <= @now ORDER BY NotBefore, Id LIMIT @limit)
            RETURNING Id, PersonId, Channel, Address, Kind, PayloadJson, Attempts, BroadcastId
            """,
        OutboxSql.PostgresProvider => $"""
            WITH due AS (
              SELECT Id FROM {Table} WHERE Channel = @channel AND Status = 'Pending' AND NotBefore <= @now
              ORDER BY NotBefore, Id LIMIT @limit FOR UPDATE SKIP LOCKED)
            UPDATE {Table} m SET Status = 'Sending', ClaimedBy = @owner, ClaimedAt = @now, UpdatedAt = @now, Attempts = m.Attempts + 1
            FROM due WHERE m.Id = due.Id
            RETURNING m.Id, m.PersonId, m.Channel, m.Address, m.Kind, m.PayloadJson, m.Attempts, m.BroadcastId
            """,
        _ => throw new NotSupportedException($"Outbox claims are written for SQLite and PostgreSQL, not for {providerName}."),
    };

    public static async Task<IReadOnlyList<ClaimedMessage>> ClaimAsync(
        AsnBotDbContext db, string channel, int limit, string owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var command = await OutboxSql.CommandAsync(db, ClaimSql(db.Database.ProviderName),
            [("@owner", owner), ("@now", now), ("@channel", channel), ("@limit", limit)], cancellationToken).ConfigureAwait(false);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var claimed = new List<ClaimedMessage>(limit);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            claimed.Add(new ClaimedMessage(
                reader.GetInt64(0),
                OutboxSql.ReadGuid(reader, 1),
                reader.GetString(2),
                reader.GetString(3),
                Enum.Parse<OutboxKind>(reader.GetString(4)),
                reader.GetString(5),
                reader.GetInt32(6),
                reader.IsDBNull(7) ? null : reader.GetInt64(7)));
        }
        return claimed;
    }

    /// <summary>Records outcomes of rows this owner still holds, in one transaction.</summary>
    public static async Task RecordAsync(AsnBotDbContext db, string owner, IReadOnlyCollection<DeliveryOutcome> outcomes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(outcomes);
        if (outcomes.Count == 0)
            return;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var chunk in outcomes.OfType<DeliveryOutcome.Delivered>().Select(o => o.Id).Chunk(500))
        {
            var ids = string.Join(',', chunk.Select(id => id.ToString(CultureInfo.InvariantCulture)));
            await OutboxSql.ExecuteAsync(db,
                $"UPDATE {Table} SET Status = 'Sent', SentAt = @now, UpdatedAt = @now, ClaimedBy = NULL WHERE Id IN ({ids}) AND Status = 'Sending' AND ClaimedBy = @owner",
                [("@now", now), ("@owner", owner)], cancellationToken).ConfigureAwait(false);
        }
        foreach (var outcome in outcomes)
        {
            switch (outcome)
            {
                case DeliveryOutcome.Retry retry:
                    // A retry of a broadcast cancelled meanwhile is cancelled instead.
                    await OutboxSql.ExecuteAsync(db, $"""
                        UPDATE {Table} SET
                          Status = CASE WHEN EXISTS (SELECT 1 FROM broadcasts b WHERE b.Id = {Table}.BroadcastId AND b.Status = 'Cancelled') THEN 'Cancelled' ELSE 'Pending' END,
                          NotBefore = @notBefore, Attempts = Attempts - @refund, LastError = COALESCE(@error, LastError), PayloadJson = COALESCE(@payload, PayloadJson),
                          ClaimedBy = NULL, ClaimedAt = NULL, UpdatedAt = @now
                        WHERE Id = @id AND Status = 'Sending' AND ClaimedBy = @owner
                        """,
                        [("@notBefore", retry.NotBefore), ("@refund", retry.CountsAsAttempt ? 0 : 1), ("@error", Truncate(retry.Error)), ("@payload", retry.PayloadJson), ("@now", now), ("@id", retry.Id), ("@owner", owner)],
                        cancellationToken).ConfigureAwait(false);
                    break;
                case DeliveryOutcome.GaveUp failed:
                    await SetFinalAsync(db, owner, failed.Id, OutboxStatus.Failed, failed.Error, now, cancellationToken).ConfigureAwait(false);
                    break;
                case DeliveryOutcome.Unreachable gone:
                    await SetFinalAsync(db, owner, gone.Id, OutboxStatus.Unreachable, gone.Error, now, cancellationToken).ConfigureAwait(false);
                    await OutboxSql.ExecuteAsync(db, "UPDATE channel_accounts SET IsReachable = FALSE WHERE Channel = @channel AND Address = @address",
                        [("@channel", gone.Channel), ("@address", gone.Address)], cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Rows left in 'sending' longer than the lease under a claim no round holds any more go back
    /// to pending: another process that died, or a round of the caller's whose claim or outcomes
    /// were lost with the database. The caller's live claims are never taken back, however slow
    /// a round is under load, since they are still being sent.
    /// </summary>
    public static Task<int> RecoverExpiredClaimsAsync(
        AsnBotDbContext db, IReadOnlyCollection<string> liveClaims, DateTimeOffset claimedBefore, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(liveClaims);
        var live = liveClaims.Select((token, i) => (LiveClaim(i), (object?)token)).ToList();
        return OutboxSql.ExecuteAsync(db, RecoverySql(live.Count), [("@now", now), ("@cutoff", claimedBefore), .. live], cancellationToken);
    }

    /// <summary>The recovery statement, excluding <paramref name="liveClaims"/> tokens (@live0, @live1, ...); it says the 'sending' index's condition.</summary>
    internal static string RecoverySql(int liveClaims)
    {
        var notLive = liveClaims == 0 ? "" : $" AND ClaimedBy NOT IN ({string.Join(", ", Enumerable.Range(0, liveClaims).Select(LiveClaim))})";
        return $"""
            UPDATE {Table} SET Status = 'Pending', ClaimedBy = NULL, ClaimedAt = NULL, UpdatedAt = @now
            WHERE Status = 'Sending' AND ClaimedAt < @cutoff AND (ClaimedBy IS NULL OR (1 = 1{notLive}))
            """;
    }

    private static string LiveClaim(int index) => "@live" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>Cancels a broadcast's pending rows, found through the index on broadcast and person.</summary>
    internal const string CancelPendingSql = $"UPDATE {Table} SET Status = 'Cancelled', UpdatedAt = @now WHERE BroadcastId = @id AND Status = 'Pending'";

    /// <summary>Stops a broadcast: its pending rows are cancelled; rows being sent finish.</summary>
    public static async Task<int> CancelBroadcastAsync(AsnBotDbContext db, long broadcastId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await OutboxSql.ExecuteAsync(db, "UPDATE broadcasts SET Status = 'Cancelled', UpdatedAt = @now WHERE Id = @id",
            [("@now", now), ("@id", broadcastId)], cancellationToken).ConfigureAwait(false);
        var cancelled = await OutboxSql.ExecuteAsync(db, CancelPendingSql,
            [("@now", now), ("@id", broadcastId)], cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return cancelled;
    }

    /// <summary>
    /// Adds single messages (reminders, digests); a dedupe key already present is skipped, so
    /// a job may run twice over the same due work. Returns how many were new. A broadcast's rows
    /// are written by <see cref="BroadcastAudience"/> and deduplicated per person instead.
    /// </summary>
    public static async Task<int> EnqueueAsync(AsnBotDbContext db, IReadOnlyCollection<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Any(m => m.BroadcastId is not null))
            throw new ArgumentException("A broadcast's messages are enqueued by BroadcastAudience, which deduplicates them per person.", nameof(messages));
        var added = 0;
        foreach (var message in messages)
        {
            added += await OutboxSql.ExecuteAsync(db, $"""
                INSERT INTO {Table} (PersonId, Channel, Address, Kind, PayloadJson, NotBefore, DedupeKey, BroadcastId, Status, Attempts, CreatedAt, UpdatedAt)
                VALUES (@person, @channel, @address, @kind, @payload, @notBefore, @key, @broadcast, 'Pending', 0, @now, @now)
                ON CONFLICT (DedupeKey) WHERE {OutboxFilters.PersonalMessage} DO NOTHING
                """,
                [("@person", message.PersonId), ("@channel", message.Channel), ("@address", message.Address), ("@kind", message.Kind),
                 ("@payload", message.PayloadJson), ("@notBefore", message.NotBefore), ("@key", message.DedupeKey),
                 ("@broadcast", message.BroadcastId), ("@now", message.CreatedAt)], cancellationToken).ConfigureAwait(false);
        }
        return added;
    }

    private static Task<int> SetFinalAsync(AsnBotDbContext db, string owner, long id, OutboxStatus status, string? error, DateTimeOffset now, CancellationToken cancellationToken) =>
        OutboxSql.ExecuteAsync(db,
            $"UPDATE {Table} SET Status = @status, LastError = @error, ClaimedBy = NULL, UpdatedAt = @now WHERE Id = @id AND Status = 'Sending' AND ClaimedBy = @owner",
            [("@status", status), ("@error", Truncate(error)), ("@now", now), ("@id", id), ("@owner", owner)], cancellationToken);

    private static string? Truncate(string? error) => error is { Length: > 500 } ? error[..500] : error;
}
