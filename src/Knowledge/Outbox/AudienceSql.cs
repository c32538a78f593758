using System.Globalization;
using System.Text;
using AsnBot.Knowledge.LearningHours;
using AsnBot.Knowledge.Profiles;

namespace AsnBot.Knowledge.Outbox;

/// <summary>
/// The audience as SQL over <c>people p</c>, so resolving 100,000 people is a handful of
/// set-based statements instead of a list in memory. Values always travel as parameters;
/// column names are quoted so the same text runs on SQLite and PostgreSQL.
/// </summary>
internal sealed class AudienceSql
{
    private readonly List<(string Name, object Value)> _parameters = [];

    /// <param name="now">Decides "this year" for the JP criterion, in each person's own zone.</param>
    public AudienceSql(AudienceFilter filter, DateTimeOffset now)
    {
        var where = new StringBuilder("1 = 1");
        AddIn(where, "p.\"Agency\"", filter.Agencies);
        AddIn(where, "p.\"Unit\"", filter.Units);
        AddIn(where, "p.\"Province\"", filter.Provinces);
        AddIn(where, "p.\"JobLevel\"", filter.JobLevels);
        AddGaps(where, filter.Gaps);
        if (filter.IsBelowJpTarget)
            AddBelowJpTarget(where, now);
        PersonCondition = where.ToString();

        var channel = new StringBuilder();
        AddIn(channel, "c.\"Channel\"", filter.Channels);
        AccountJoin = $"c.\"PersonId\" = p.\"Id\" AND c.\"IsReachable\" = TRUE{channel}";
        var rival = new StringBuilder();
        AddIn(rival, "c2.\"Channel\"", filter.Channels);
        // The one account a person is reached on: the channel they can act on fastest, then the
        // oldest account. Said as "no better account exists", which both databases run as one
        // anti-join over the batch instead of a sorted subquery per person and account.
        PreferredAccount = $"""
            NOT EXISTS (SELECT 1 FROM channel_accounts c2
                WHERE c2."PersonId" = c."PersonId" AND c2."IsReachable" = TRUE{rival}
                AND ({Rank("c2")} < {Rank("c")} OR ({Rank("c2")} = {Rank("c")} AND c2."Id" < c."Id")))
            """;
    }

    /// <summary>A condition on <c>p</c> (people).</summary>
    public string PersonCondition { get; }

    /// <summary>The join condition for <c>c</c> (channel_accounts): the reachable accounts of <c>p</c> on the filter's channels.</summary>
    public string AccountJoin { get; }

    /// <summary>A condition on <c>c</c>: it is the person's preferred account among those <see cref="AccountJoin"/> admits.</summary>
    public string PreferredAccount { get; }

    public IReadOnlyList<(string Name, object Value)> Parameters => _parameters;

    private void AddIn(StringBuilder sql, string column, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
            return;
        var names = values.Select(Parameter).ToList();
        sql.Append(" AND ").Append(column).Append(" IN (").AppendJoin(", ", names).Append(')');
    }

    /// <summary>A rating of the person's latest survey (by completion time) with a big enough gap on one of the competencies.</summary>
    private void AddGaps(StringBuilder sql, IReadOnlyDictionary<string, int> gaps)
    {
        if (gaps.Count == 0)
            return;
        var any = gaps.Select(g => $"(r.\"CompetencyCode\" = {Parameter(g.Key)} AND r.\"RequiredLevel\" - r.\"CurrentLevel\" >= {Parameter(g.Value)})");
        sql.Append(CultureInfo.InvariantCulture, $"""
             AND EXISTS (SELECT 1 FROM needs_survey_ratings r
                WHERE r."SurveyId" = (SELECT s."Id" FROM needs_surveys s WHERE s."PersonId" = p."Id" ORDER BY s."CompletedAt" DESC LIMIT 1)
                AND ({string.Join(" OR ", any)}))
            """);
    }

    /// <summary>Credited JP of the person's local year under the target (pending and rejected claims do not count).</summary>
    private void AddBelowJpTarget(StringBuilder sql, DateTimeOffset now)
    {
        string Year(IndonesianTimeZone zone) => Parameter(zone.ToLocal(now).Year);
        // A REAL target: SQLite keeps decimals as text, and a number compared with text is always smaller.
        sql.Append(CultureInfo.InvariantCulture, $"""
             AND COALESCE((SELECT SUM(h."Jp") FROM learning_hours h
                WHERE h."PersonId" = p."Id" AND h."Status" = 'Credited'
                AND h."Year" = CASE p."TimeZone" WHEN 'WIT' THEN {Year(IndonesianTimeZone.WIT)} WHEN 'WITA' THEN {Year(IndonesianTimeZone.WITA)} ELSE {Year(IndonesianTimeZone.WIB)} END), 0)
                < {Parameter((double)LearningHoursSummary.TargetJpPerYear)}
            """);
    }

    private static string Rank(string account) =>
        $"CASE {account}.\"Channel\" WHEN 'telegram' THEN 0 WHEN 'teams' THEN 1 ELSE 2 END";

    private string Parameter(object value)
    {
        var name = "@f" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
        _parameters.Add((name, value));
        return name;
    }
}
