using AsnBot.Knowledge.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Knowledge.Outbox;

/// <summary>What happened to a broadcast's messages, counted from its outbox rows and button presses.</summary>
public sealed record BroadcastStatistics(
    long BroadcastId,
    BroadcastStatus Status,
    int Targeted,
    int Pending,
    int Sending,
    int Sent,
    int Failed,
    int Unreachable,
    int Cancelled,
    int Responded,
    IReadOnlyDictionary<string, int> ClicksByButton)
{
    public static async Task<BroadcastStatistics?> ForAsync(AsnBotDbContext db, long broadcastId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var broadcast = await db.Set<Broadcast>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == broadcastId, cancellationToken).ConfigureAwait(false);
        if (broadcast is null)
            return null;
        var byStatus = await db.Set<OutboxMessage>().Where(m => m.BroadcastId == broadcastId)
            .GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken).ConfigureAwait(false);
        var responses = db.Set<BroadcastResponse>().Where(r => r.BroadcastId == broadcastId);
        var responded = await responses.Select(r => r.PersonId).Distinct().CountAsync(cancellationToken).ConfigureAwait(false);
        var byButton = await responses.GroupBy(r => r.ButtonIndex).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken).ConfigureAwait(false);
        var labels = BroadcastMessage.ButtonLabels(broadcast);
        int Count(OutboxStatus status) => byStatus.GetValueOrDefault(status);
        return new BroadcastStatistics(
            broadcastId, broadcast.Status, byStatus.Values.Sum(),
            Count(OutboxStatus.Pending), Count(OutboxStatus.Sending), Count(OutboxStatus.Sent), Count(OutboxStatus.Failed),
            Count(OutboxStatus.Unreachable), Count(OutboxStatus.Cancelled), responded,
            labels.Select((label, index) => (label, index)).ToDictionary(b => b.label, b => byButton.GetValueOrDefault(b.index), StringComparer.Ordinal));
    }
}
