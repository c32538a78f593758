using System.Security.Claims;
using AsnBot.Dashboard.Access;
using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Broadcasts;

public sealed record BroadcastRequest(
    string? Text, IReadOnlyList<string>? Buttons, AudienceFilter? Audience, DateTime? SendAtLocal, string? CreatedBy);

/// <summary>
/// The coordinators' HTTP API for broadcasts, behind the dashboard's sign-in: a coordinator's
/// audience is held to their agencies (<see cref="DashboardScope"/>), and another agency's
/// broadcast answers 404 as if it did not exist.
/// </summary>
public static class BroadcastEndpoints
{
    public static IEndpointRouteBuilder MapBroadcasts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/broadcasts").RequireAuthorization(DashboardRoles.CoordinatorPolicy);
        group.MapPost("/", (BroadcastRequest request, ClaimsPrincipal user, BroadcastService broadcasts, CancellationToken cancellationToken) =>
            Run(async () =>
            {
                var scope = DashboardScope.Of(user);
                if (scope.Restrict(request.Audience ?? new AudienceFilter()) is not { } audience)
                    return Results.Problem("The audience names an agency outside your scope.", statusCode: StatusCodes.Status403Forbidden);
                var id = await broadcasts.CreateAsync(new BroadcastDraft(request.Text ?? "", request.Buttons, audience, request.SendAtLocal, scope.UserName), cancellationToken);
                return Results.Created($"/api/broadcasts/{id}", await broadcasts.StatusAsync(id, cancellationToken));
            }));
        group.MapGet("/{id:long}", (long id, ClaimsPrincipal user, AsnBotDbContext db, BroadcastService broadcasts, CancellationToken cancellationToken) =>
            InScope(id, user, db, async () => Results.Ok(await broadcasts.StatusAsync(id, cancellationToken)), cancellationToken));
        group.MapPost("/{id:long}/preview", (long id, ClaimsPrincipal user, AsnBotDbContext db, BroadcastService broadcasts, CancellationToken cancellationToken) =>
            InScope(id, user, db, async () => Results.Ok(await broadcasts.PreviewAsync(id, cancellationToken)), cancellationToken));
        group.MapPost("/{id:long}/send", (long id, ClaimsPrincipal user, AsnBotDbContext db, BroadcastService broadcasts, CancellationToken cancellationToken) =>
            InScope(id, user, db, async () => Results.Ok(await broadcasts.SendAsync(id, cancellationToken)), cancellationToken));
        group.MapPost("/{id:long}/cancel", (long id, ClaimsPrincipal user, AsnBotDbContext db, BroadcastService broadcasts, CancellationToken cancellationToken) =>
            InScope(id, user, db, async () => Results.Ok(await broadcasts.CancelAsync(id, cancellationToken)), cancellationToken));
        return app;
    }

    private static async Task<IResult> InScope(long id, ClaimsPrincipal user, AsnBotDbContext db, Func<Task<IResult>> operation, CancellationToken cancellationToken)
    {
        var audience = await db.Set<Broadcast>().Where(b => b.Id == id).Select(b => b.AudienceJson).FirstOrDefaultAsync(cancellationToken);
        if (audience is not null && !DashboardScope.Of(user).Covers(AudienceFilter.FromJson(audience)))
            return Results.Problem($"Broadcast {id} does not exist.", statusCode: StatusCodes.Status404NotFound);
        return await Run(operation);
    }

    private static async Task<IResult> Run(Func<Task<IResult>> operation)
    {
        try
        {
            return await operation();
        }
        catch (BroadcastRefusedException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }
}
