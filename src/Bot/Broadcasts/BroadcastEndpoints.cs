using AsnBot.Knowledge.Outbox;

namespace AsnBot.Broadcasts;

public sealed record BroadcastRequest(
    string? Text, IReadOnlyList<string>? Buttons, AudienceFilter? Audience, DateTime? SendAtLocal, string? CreatedBy);

/// <summary>The coordinators' HTTP API for broadcasts (the dashboard adds sign-in and screens).</summary>
public static class BroadcastEndpoints
{
    public static IEndpointRouteBuilder MapBroadcasts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/broadcasts");
        group.MapPost("/", (BroadcastRequest request, BroadcastService broadcasts, CancellationToken cancellationToken) =>
            Run(async () =>
            {
                var id = await broadcasts.CreateAsync(new BroadcastDraft(request.Text ?? "", request.Buttons, request.Audience, request.SendAtLocal, request.CreatedBy), cancellationToken);
                return Results.Created($"/api/broadcasts/{id}", await broadcasts.StatusAsync(id, cancellationToken));
            }));
        group.MapGet("/{id:long}", (long id, BroadcastService broadcasts, CancellationToken cancellationToken) =>
            Run(async () => Results.Ok(await broadcasts.StatusAsync(id, cancellationToken))));
        group.MapPost("/{id:long}/preview", (long id, BroadcastService broadcasts, CancellationToken cancellationToken) =>
            Run(async () => Results.Ok(await broadcasts.PreviewAsync(id, cancellationToken))));
        group.MapPost("/{id:long}/send", (long id, BroadcastService broadcasts, CancellationToken cancellationToken) =>
            Run(async () => Results.Ok(await broadcasts.SendAsync(id, cancellationToken))));
        group.MapPost("/{id:long}/cancel", (long id, BroadcastService broadcasts, CancellationToken cancellationToken) =>
            Run(async () => Results.Ok(await broadcasts.CancelAsync(id, cancellationToken))));
        return app;
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
