using AsnBot.Knowledge.Persistence;

namespace AsnBot.Health;

public static class HealthEndpoints
{
    /// <summary>200 when the database answers, 503 when it does not: what a load balancer or systemd watchdog needs.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", async (AsnBotDbContext db, CancellationToken cancellationToken) =>
        {
            bool isReachable;
            try
            {
                isReachable = await db.Database.CanConnectAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                isReachable = false;
            }
            return isReachable
                ? Results.Ok(new { status = "ok", database = "ok" })
                : Results.Json(new { status = "unavailable", database = "unreachable" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        return app;
    }
}
