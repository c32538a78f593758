using System.Text.Json;

namespace AsnBot.Knowledge.Outbox;

/// <summary>
/// Who a broadcast goes to. Every criterion that is set must match; a list matches any of its
/// values, and an empty list or unset criterion matches everyone. Each criterion is one
/// condition in <see cref="AudienceSql"/>.
/// </summary>
public sealed record AudienceFilter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public IReadOnlyList<string> Agencies { get; init; } = [];
    public IReadOnlyList<string> Units { get; init; } = [];
    public IReadOnlyList<string> Provinces { get; init; } = [];
    public IReadOnlyList<string> JobLevels { get; init; } = [];
    /// <summary>Only people registered on one of these channels ("telegram", "teams", "web"), sent there.</summary>
    public IReadOnlyList<string> Channels { get; init; } = [];

    /// <summary>
    /// Competency code to the smallest gap (required minus current level) that qualifies, read
    /// from each person's latest needs survey: <c>{"M.3": 2}</c>. A person matches when any entry
    /// holds; people who never took the survey do not match.
    /// </summary>
    public IReadOnlyDictionary<string, int> Gaps { get; init; } = new Dictionary<string, int>();

    /// <summary>Only people with fewer credited JP this year (their local year) than the yearly target of 20.</summary>
    public bool IsBelowJpTarget { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static AudienceFilter FromJson(string? json) =>
        string.IsNullOrWhiteSpace(json) ? new AudienceFilter() : JsonSerializer.Deserialize<AudienceFilter>(json, Json) ?? new AudienceFilter();
}
