using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Recommendations;

namespace AsnBot.Recommendations;

/// <summary>What <c>POST /api/recommendations</c> accepts: gaps map a competency code to required minus current level.</summary>
public sealed record RecommendationApiRequest(string? Text, IReadOnlyDictionary<string, int>? Gaps, string? JobLevel, int? Top);

/// <summary>
/// The recommender over HTTP, answering in the same JSON as <c>recommend --json</c>.
/// Coordinators only: the same sign-in as the dashboard (it reads the catalog, not people).
/// </summary>
public static class RecommendationEndpoints
{
    public const int MaxTop = 50;
    public const int MaxTextLength = 2000;

    public static IEndpointRouteBuilder MapRecommendations(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/recommendations", RecommendAsync).RequireAuthorization(Dashboard.Access.DashboardRoles.CoordinatorPolicy);
        return app;
    }

    private static async Task<IResult> RecommendAsync(
        RecommendationApiRequest? request, RecommendationService recommendations, AsnBotDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (request is null)
            return Results.Problem("Send JSON: {\"text\": \"...\", \"gaps\": {\"M.3\": 2}, \"jobLevel\": \"pelaksana\", \"top\": 5}.", statusCode: StatusCodes.Status400BadRequest);
        var top = request.Top ?? 5;
        if (top is < 1 or > MaxTop)
            return Results.Problem($"top must be from 1 to {MaxTop}.", statusCode: StatusCodes.Status400BadRequest);
        if (request.Text is { Length: > MaxTextLength })
            return Results.Problem($"text must be at most {MaxTextLength} characters.", statusCode: StatusCodes.Status400BadRequest);
        if (request.Gaps?.FirstOrDefault(g => g.Value is < -4 or > 4) is { Key: not null } bad)
            return Results.Problem($"gap of {bad.Key} must be from -4 to 4.", statusCode: StatusCodes.Status400BadRequest);

        var recommendation = await recommendations.RecommendAsync(db, new RecommendationRequest
        {
            Text = request.Text,
            Gaps = [.. (request.Gaps ?? new Dictionary<string, int>()).Select(g => new CompetencyGap(g.Key.Trim().ToUpperInvariant(), g.Value))],
            JobLevel = request.JobLevel,
            Top = top,
            Today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime),
        }, cancellationToken);
        return Results.Json(RecommendationJson.From(recommendation), System.Text.Json.JsonSerializerOptions.Web);
    }
}
