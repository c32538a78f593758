using AsnBot.Dashboard.Access;
using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Dashboard.Broadcasts;

public sealed record BroadcastSummary(long Id, string Text, BroadcastStatus Status, string CreatedBy, DateTimeOffset CreatedAt, AudienceFilter Audience);

/// <summary>The broadcasts a user may see: those whose whole audience lies within their scope.</summary>
public static class BroadcastList
{
    public const int Recent = 200;

    public static async Task<IReadOnlyList<BroadcastSummary>> InScopeAsync(AsnBotDbContext db, DashboardScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var recent = await db.Set<Broadcast>().AsNoTracking().OrderByDescending(b => b.Id).Take(Recent)
            .Select(b => new { b.Id, b.Text, b.Status, b.CreatedBy, b.CreatedAt, b.AudienceJson })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. recent.Select(b => new BroadcastSummary(b.Id, b.Text, b.Status, b.CreatedBy, b.CreatedAt, AudienceFilter.FromJson(b.AudienceJson)))
            .Where(b => scope.Covers(b.Audience))];
    }
}
