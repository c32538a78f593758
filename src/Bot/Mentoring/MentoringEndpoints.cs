using System.Security.Claims;
using AsnBot.Dashboard.Access;
using AsnBot.Dashboard.Audit;
using AsnBot.Knowledge.Catalog;
using AsnBot.Knowledge.Mentoring;
using AsnBot.Knowledge.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Mentoring;

public sealed record PairingBody(string? MentorNip, string? MenteeNip, int? EveryDays, DateOnly? FirstSessionOn, string? Role, string? CoordinatorNip, string? CreatedBy);

/// <summary>
/// The coordinators' mentoring API: pair, list pairs, see escalations (behind the dashboard's
/// sign-in). A coordinator pairs, sees and ends only pairs of two people of their agencies
/// (<see cref="DashboardScope.Pairs"/>); anyone else is answered as if they did not exist.
/// </summary>
public static class MentoringEndpoints
{
    public static IEndpointRouteBuilder MapMentoring(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/mentoring").RequireAuthorization(DashboardRoles.CoordinatorPolicy);
        group.MapPost("/pairs", async (PairingBody body, ClaimsPrincipal user, AsnBotDbContext db, ImportTexts texts, AuditLog audit, TimeProvider time, CancellationToken cancellationToken) =>
        {
            if (MentoringImport.ParseRole(body.Role) is not { } role)
                return Results.Problem(texts.Format("mentoring.role", ("value", body.Role ?? "")), statusCode: StatusCodes.Status400BadRequest);
            var scope = DashboardScope.Of(user);
            var people = scope.People(db);
            // Unknown and out of scope answer alike, so a coordinator cannot probe other agencies' NIPs.
            foreach (var (nip, who) in new[] { (body.MentorNip, "mentor"), (body.MenteeNip, "mentee"), (body.CoordinatorNip, "coordinator") })
            {
                if (who == "coordinator" && string.IsNullOrWhiteSpace(nip))
                    continue;
                var digits = new string([.. (nip ?? "").Where(char.IsAsciiDigit)]);
                if (!await people.AnyAsync(p => p.Nip == digits, cancellationToken))
                    return Results.Problem(texts.Format("mentoring.unknown_" + who), statusCode: StatusCodes.Status404NotFound);
            }
            try
            {
                var pair = await MentoringPairs.PairAsync(
                    db, new PairingRequest(body.MentorNip ?? "", body.MenteeNip ?? "", body.EveryDays ?? 14, body.FirstSessionOn, role, body.CoordinatorNip, body.CreatedBy ?? scope.UserName),
                    time.GetUtcNow(), cancellationToken);
                await audit.WriteAsync(user, AuditActions.MentoringChanged, $"pasangan {pair.Id} dibuat", cancellationToken);
                var view = (await MentoringPairs.ListAsync(db, includeEnded: false, cancellationToken)).First(p => p.Id == pair.Id);
                return Results.Created($"/api/mentoring/pairs/{pair.Id:N}", view);
            }
            catch (PairingRefusedException e)
            {
                return Results.Problem(texts.Format(e.Key, [.. e.Values]), statusCode: StatusCodes.Status400BadRequest);
            }
        });
        group.MapGet("/pairs", async (ClaimsPrincipal user, AsnBotDbContext db, AuditLog audit, CancellationToken cancellationToken) =>
        {
            var pairs = await MentoringPairs.ListAsync(db, includeEnded: false, DashboardScope.Of(user).Pairs(db), cancellationToken);
            await audit.WriteAsync(user, AuditActions.MentoringView, $"{pairs.Count} pasangan", cancellationToken);
            return Results.Ok(pairs);
        });
        group.MapPost("/pairs/{id:guid}/end", async (Guid id, ClaimsPrincipal user, AsnBotDbContext db, AuditLog audit, TimeProvider time, CancellationToken cancellationToken) =>
        {
            if (!await DashboardScope.Of(user).Pairs(db).AnyAsync(p => p.Id == id, cancellationToken) || !await MentoringPairs.EndAsync(db, id, time.GetUtcNow(), cancellationToken))
                return Results.NotFound();
            await audit.WriteAsync(user, AuditActions.MentoringChanged, $"pasangan {id} diakhiri", cancellationToken);
            return Results.NoContent();
        });
        group.MapGet("/escalations", async (ClaimsPrincipal user, AsnBotDbContext db, AuditLog audit, CancellationToken cancellationToken) =>
        {
            var escalations = await MentoringPairs.OpenEscalationsAsync(db, DashboardScope.Of(user).Pairs(db), cancellationToken);
            await audit.WriteAsync(user, AuditActions.MentoringView, $"{escalations.Count} eskalasi", cancellationToken);
            return Results.Ok(escalations);
        });
        return app;
    }
}
