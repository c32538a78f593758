using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Profiles;
using AsnBot.Knowledge.Surveys;

namespace AsnBot.Dashboard.People;

/// <summary>
/// The people list's filters, shared by the page and the exports (the same query string), so an
/// export holds exactly the rows the coordinator was looking at.
/// </summary>
public sealed record PeopleFilter
{
    /// <summary>Part of a name or NIP.</summary>
    public string? Search { get; init; }
    public string? Agency { get; init; }
    public string? Unit { get; init; }
    public string? JobLevel { get; init; }
    public string? Province { get; init; }

    /// <summary>A competency code: only people whose latest survey shows a gap on it.</summary>
    public string? Gap { get; init; }

    /// <summary>Only people with less than 20 JP credited this year.</summary>
    public bool BelowJp { get; init; }

    /// <summary>All of <see cref="Apply"/>, and the JP condition, which is decided on the year's ledger in memory.</summary>
    public async Task<IQueryable<Person>> ApplyAsync(IQueryable<Person> people, AsnBotDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        people = Apply(people, db);
        if (!BelowJp)
            return people;
        var credited = await LearningHoursThisYear.CreditedAsync(db, people, LearningHoursThisYear.Year(time), cancellationToken).ConfigureAwait(false);
        var reached = credited.Where(c => c.Value >= LearningHoursThisYear.Target).Select(c => c.Key).ToList();
        return people.Where(p => !reached.Contains(p.Id));
    }

    public IQueryable<Person> Apply(IQueryable<Person> people, AsnBotDbContext db)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(db);
        if (Clean(Search) is { } search)
        {
            // Lower-cased in SQL on both providers; the analyzers' culture advice does not apply to a translated query.
#pragma warning disable CA1304, CA1311, CA1862
            var lowered = search.ToLowerInvariant();
            people = people.Where(p => p.FullName.ToLower().Contains(lowered) || p.Nip.Contains(search));
#pragma warning restore CA1304, CA1311, CA1862
        }
        if (Clean(Agency) is { } agency)
            people = people.Where(p => p.Agency == agency);
        if (Clean(Unit) is { } unit)
            people = people.Where(p => p.Unit == unit);
        if (Clean(JobLevel) is { } jobLevel)
            people = people.Where(p => p.JobLevel == jobLevel);
        if (Clean(Province) is { } province)
            people = people.Where(p => p.Province == province);
        if (Clean(Gap) is { } gap)
        {
            var latest = LatestSurveys(db);
            people = people.Where(p => latest.Any(s => s.PersonId == p.Id && s.Ratings.Any(r => r.CompetencyCode == gap && r.RequiredLevel > r.CurrentLevel)));
        }
        return people;
    }

    /// <summary>Each person's most recent survey: retakes replace what the earlier ones said.</summary>
    public static IQueryable<NeedsSurvey> LatestSurveys(AsnBotDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var surveys = db.Set<NeedsSurvey>();
        return surveys.Where(s => !surveys.Any(t => t.PersonId == s.PersonId && t.CompletedAt > s.CompletedAt));
    }

    /// <summary>The filter as the query string of the exports.</summary>
    public string ToQuery()
    {
        var parts = new List<string>();
        void Add(string key, string? value)
        {
            if (Clean(value) is { } v)
                parts.Add($"{key}={Uri.EscapeDataString(v)}");
        }
        Add("q", Search);
        Add("agency", Agency);
        Add("unit", Unit);
        Add("jobLevel", JobLevel);
        Add("province", Province);
        Add("gap", Gap);
        if (BelowJp)
            parts.Add("belowJp=true");
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    public static PeopleFilter FromQuery(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new PeopleFilter
        {
            Search = query["q"],
            Agency = query["agency"],
            Unit = query["unit"],
            JobLevel = query["jobLevel"],
            Province = query["province"],
            Gap = query["gap"],
            BelowJp = query["belowJp"] == "true",
        };
    }

    public override string ToString() => ToQuery() is { Length: > 0 } q ? q[1..] : "semua";

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
