using AsnBot.Knowledge.Evaluation;
using AsnBot.Knowledge.Persistence;

namespace AsnBot.Evaluation;

/// <summary>Evaluation results for coordinators, behind the dashboard's sign-in.</summary>
public static class EvaluationEndpoints
{
    public static IEndpointRouteBuilder MapEvaluations(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/evaluations/{trainingCode}", async (string trainingCode, AsnBotDbContext db, CancellationToken cancellationToken) =>
            await EvaluationResults.ForTrainingAsync(db, trainingCode, cancellationToken) is { } results
                ? Results.Ok(results)
                : Results.Problem($"Training {trainingCode} is not in the catalog.", statusCode: StatusCodes.Status404NotFound))
            // Results span every agency's participants: Admins only until they are scoped per agency.
            .RequireAuthorization(Dashboard.Access.DashboardRoles.AdminPolicy);
        return app;
    }
}
