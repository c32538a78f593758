using System.Text.Json;
using System.Text.Json.Serialization;
using AsnBot.Knowledge.Recommendations;

namespace AsnBot.Recommendations;

/// <summary>The JSON shape shared by <c>recommend --json</c> and <c>POST /api/recommendations</c>.</summary>
public static class RecommendationJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public sealed record Item(string Code, string Title, IReadOnlyList<string> Competencies, double Score, IReadOnlyList<string> Reasons);

    public sealed record Body(IReadOnlyList<Item> Items);

    public static Body From(Recommendation recommendation)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        return new Body([.. recommendation.Items.Select(i => new Item(i.Code, i.Title, i.Competencies, i.Score, i.Reasons))]);
    }

    public static string Serialize(Recommendation recommendation) => JsonSerializer.Serialize(From(recommendation), Options);
}
