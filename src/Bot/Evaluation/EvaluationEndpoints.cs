using System.Security.Claims;
using AsnBot.Dashboard.Access;
using AsnBot.Dashboard.Audit;
using AsnBot.Knowledge.Evaluation;
using AsnBot.Knowledge.Persistence;

namespace AsnBot.Evaluation;

/// <summary>
/// Evaluation results for coordinators, behind the dashboard's sign-in: a coordinator's figures
/// count the participants of their agencies only.
/// </summary>
public static class EvaluationEndpoints
{
    public static IEndpointRouteBuilder MapEvaluations(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/evaluations/{trainingCode}", async (string trainingCode, ClaimsPrincipal user, AsnBotDbContext db, AuditLog audit, CancellationToken cancellationToken) =>
            {
                if (await EvaluationResults.ForTrainingAsync(db, trainingCode, DashboardScope.Of(user).People(db), cancellationToken) is not { } results)
                    return Results.Problem($"Training {trainingCode} is not in the catalog.", statusCode: StatusCodes.Status404NotFound);
                // The comments are people's own words: a view of personal data.
                await audit.WriteAsync(user, AuditActions.EvaluationView, trainingCode, cancellationToken);
                return Results.Ok(results);
            })
            .RequireAuthorization(DashboardRoles.CoordinatorPolicy);
        return app;
    }
}
