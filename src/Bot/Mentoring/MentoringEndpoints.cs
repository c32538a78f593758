using AsnBot.Knowledge.Mentoring;
using AsnBot.Knowledge.Persistence;

namespace AsnBot.Mentoring;

public sealed record PairingBody(string? MentorNip, string? MenteeNip, int? EveryDays, DateOnly? FirstSessionOn, string? Role, string? CoordinatorNip, string? CreatedBy);

/// <summary>The coordinators' mentoring API: pair, list pairs, see escalations (behind the dashboard's sign-in).</summary>
public static class MentoringEndpoints
{
    public static IEndpointRouteBuilder MapMentoring(this IEndpointRouteBuilder app)
    {
        // Pairs and escalations span every agency: Admins only until they are scoped per agency.
        var group = app.MapGroup("/api/mentoring").RequireAuthorization(Dashboard.Access.DashboardRoles.AdminPolicy);
        group.MapPost("/pairs", async (PairingBody body, AsnBotDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        {
            if (MentoringImport.ParseRole(body.Role) is not { } role)
                return Results.Problem("role must be mentor or atasan.", statusCode: StatusCodes.Status400BadRequest);
            try
            {
                var pair = await MentoringPairs.PairAsync(
                    db, new PairingRequest(body.MentorNip ?? "", body.MenteeNip ?? "", body.EveryDays ?? 14, body.FirstSessionOn, role, body.CoordinatorNip, body.CreatedBy),
                    time.GetUtcNow(), cancellationToken);
                var view = (await MentoringPairs.ListAsync(db, includeEnded: false, cancellationToken)).First(p => p.Id == pair.Id);
                return Results.Created($"/api/mentoring/pairs/{pair.Id:N}", view);
            }
            catch (PairingRefusedException e)
            {
                return Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest);
            }
        });
        group.MapGet("/pairs", async (AsnBotDbContext db, CancellationToken cancellationToken) =>
            Results.Ok(await MentoringPairs.ListAsync(db, includeEnded: false, cancellationToken)));
        group.MapPost("/pairs/{id:guid}/end", async (Guid id, AsnBotDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
            await MentoringPairs.EndAsync(db, id, time.GetUtcNow(), cancellationToken) ? Results.NoContent() : Results.NotFound());
        group.MapGet("/escalations", async (AsnBotDbContext db, CancellationToken cancellationToken) =>
            Results.Ok(await MentoringPairs.OpenEscalationsAsync(db, cancellationToken)));
        return app;
    }
}
