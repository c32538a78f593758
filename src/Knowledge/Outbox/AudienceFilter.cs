using System.Text.Json;

namespace AsnBot.Knowledge.Outbox;

/// <summary>
/// Who a broadcast goes to. Every list that is not empty must match (any of its values);
/// empty lists match everyone. Criteria that need other features' data (competency gap from
/// the latest survey, JP this year) join here as further lists or thresholds, each adding one
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

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static AudienceFilter FromJson(string? json) =>
        string.IsNullOrWhiteSpace(json) ? new AudienceFilter() : JsonSerializer.Deserialize<AudienceFilter>(json, Json) ?? new AudienceFilter();
}
