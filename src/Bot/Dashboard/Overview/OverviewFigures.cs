using AsnBot.Dashboard.Access;
using AsnBot.Dashboard.People;
using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Surveys;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Dashboard.Overview;

public sealed record CountBy(string Label, int Count);

/// <summary>Average gap (required minus current, negatives counted as 0) of the people of a unit on a competency.</summary>
public sealed record GapCell(string Unit, string Competency, double AverageGap, int People);

public sealed record BroadcastOutcome(long Id, string Text, int Targeted, int Sent, int Failed, int Unreachable, int Acknowledged);

/// <summary>What the overview page charts, all within the user's scope.</summary>
public sealed record OverviewFigures(
    int People,
    int Surveyed,
    IReadOnlyList<CountBy> ByAgency,
    IReadOnlyList<CountBy> ByUnit,
    IReadOnlyList<GapCell> Gaps,
    IReadOnlyList<BroadcastOutcome> Broadcasts)
{
    public const int MaxUnits = 12;
    public const int MaxBroadcasts = 8;

    public static async Task<OverviewFigures> ForAsync(AsnBotDbContext db, DashboardScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var people = scope.People(db);
        var total = await people.CountAsync(cancellationToken).ConfigureAwait(false);
        var byAgency = await people.GroupBy(p => p.Agency).Select(g => new CountBy(g.Key, g.Count()))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var byUnit = await people.GroupBy(p => p.Unit).Select(g => new CountBy(g.Key, g.Count()))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var latest = PeopleFilter.LatestSurveys(db);
        var surveyed = await people.CountAsync(p => latest.Any(s => s.PersonId == p.Id), cancellationToken).ConfigureAwait(false);
        var ratings = await (
            from s in latest
            join p in people on s.PersonId equals p.Id
            from r in s.Ratings
            select new { p.Unit, r.CompetencyCode, r.RequiredLevel, r.CurrentLevel })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var gaps = ratings.GroupBy(r => (r.Unit, r.CompetencyCode))
            .Select(g => new GapCell(g.Key.Unit, g.Key.CompetencyCode, g.Average(r => Math.Max(0, r.RequiredLevel - r.CurrentLevel)), g.Count()))
            .OrderBy(c => c.Unit, StringComparer.Ordinal).ThenBy(c => c.Competency, StringComparer.Ordinal).ToList();
        return new OverviewFigures(
            total, surveyed,
            [.. byAgency.OrderByDescending(c => c.Count).ThenBy(c => c.Label, StringComparer.Ordinal)],
            [.. byUnit.OrderByDescending(c => c.Count).ThenBy(c => c.Label, StringComparer.Ordinal).Take(MaxUnits)],
            gaps,
            await BroadcastOutcomesAsync(db, scope, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<IReadOnlyList<BroadcastOutcome>> BroadcastOutcomesAsync(AsnBotDbContext db, DashboardScope scope, CancellationToken cancellationToken)
    {
        var recent = await db.Set<Broadcast>().AsNoTracking().OrderByDescending(b => b.Id).Take(200)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var outcomes = new List<BroadcastOutcome>();
        foreach (var broadcast in recent.Where(b => scope.Covers(AudienceFilter.FromJson(b.AudienceJson))).Take(MaxBroadcasts))
        {
            if (await BroadcastStatistics.ForAsync(db, broadcast.Id, cancellationToken).ConfigureAwait(false) is { } s)
                outcomes.Add(new BroadcastOutcome(broadcast.Id, broadcast.Text, s.Targeted, s.Sent, s.Failed, s.Unreachable, s.Responded));
        }
        outcomes.Reverse();
        return outcomes;
    }
}
