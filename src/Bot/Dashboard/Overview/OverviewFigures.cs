using AsnBot.Dashboard.Access;
using AsnBot.Dashboard.People;
using AsnBot.Knowledge.Evaluation;
using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Dashboard.Overview;

public sealed record CountBy(string Label, int Count);

/// <summary>Average gap (required minus current, negatives counted as 0) of the people of a unit on a competency.</summary>
public sealed record GapCell(string Unit, string Competency, double AverageGap, int People);

/// <summary>A unit's people and how many of them reached 20 JP this year.</summary>
public sealed record JpShare(string Unit, int People, int Reached)
{
    public double Share => People == 0 ? 0 : Reached / (double)People;
}

public sealed record BroadcastOutcome(long Id, string Text, int Targeted, int Sent, int Failed, int Unreachable, int Acknowledged);

/// <summary>What the overview page charts, all within the user's scope.</summary>
public sealed record OverviewFigures(
    int People,
    int Surveyed,
    IReadOnlyList<CountBy> ByAgency,
    IReadOnlyList<CountBy> ByUnit,
    IReadOnlyList<GapCell> Gaps,
    IReadOnlyList<BroadcastOutcome> Broadcasts,
    int JpYear,
    IReadOnlyList<CountBy> JpDistribution,
    IReadOnlyList<JpShare> JpByUnit,
    IReadOnlyList<ReactionScore> Evaluations)
{
    public const int MaxUnits = 12;
    public const int MaxBroadcasts = 8;
    public const int MaxTrainings = 10;

    /// <summary>The distribution's bins of JP this year, the last one being the target reached.</summary>
    public static readonly IReadOnlyList<string> JpBins = ["0 JP", "1–9 JP", "10–19 JP", "≥ 20 JP"];

    public static async Task<OverviewFigures> ForAsync(AsnBotDbContext db, DashboardScope scope, TimeProvider time, CancellationToken cancellationToken)
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
        var year = LearningHoursThisYear.Year(time);
        var jp = await LearningHoursThisYear.CreditedAsync(db, people, year, cancellationToken).ConfigureAwait(false);
        var units = await people.Select(p => new { p.Id, p.Unit }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var bins = new int[JpBins.Count];
        foreach (var person in units)
            bins[Bin(jp.GetValueOrDefault(person.Id))]++;
        var jpByUnit = units.GroupBy(u => u.Unit)
            .Select(g => new JpShare(g.Key, g.Count(), g.Count(u => jp.GetValueOrDefault(u.Id) >= LearningHoursThisYear.Target)))
            .OrderByDescending(s => s.People).ThenBy(s => s.Unit, StringComparer.Ordinal).Take(MaxUnits).ToList();
        return new OverviewFigures(
            total, surveyed,
            [.. byAgency.OrderByDescending(c => c.Count).ThenBy(c => c.Label, StringComparer.Ordinal)],
            [.. byUnit.OrderByDescending(c => c.Count).ThenBy(c => c.Label, StringComparer.Ordinal).Take(MaxUnits)],
            gaps,
            await BroadcastOutcomesAsync(db, scope, cancellationToken).ConfigureAwait(false),
            year,
            [.. JpBins.Select((label, i) => new CountBy(label, bins[i]))],
            jpByUnit,
            await EvaluationResults.ReactionScoresAsync(db, people, MaxTrainings, cancellationToken).ConfigureAwait(false));
    }

    private static int Bin(decimal jp) => jp switch
    {
        <= 0 => 0,
        < 10 => 1,
        < LearningHoursThisYear.Target => 2,
        _ => 3,
    };

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
