using AsnBot.Knowledge.Persistence;
using AsnBot.Scheduler;
using AsnBot.Scheduler.DueWork;
using Microsoft.Extensions.Options;
using Quartz;

namespace AsnBot.Health;

public static class HealthEndpoints
{
    /// <summary>
    /// 200 when the database answers and, where this process runs jobs, the scheduler is started,
    /// not in standby and can read its job store; 503 otherwise: what a load balancer or a
    /// systemd watchdog needs. A process with <c>Scheduler:Enabled=false</c> reports it "disabled".
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", async (AsnBotDbContext db, ISchedulerFactory schedulers, IOptions<SchedulerOptions> scheduling, CancellationToken cancellationToken) =>
        {
            var database = await DatabaseAsync(db, cancellationToken);
            var scheduler = scheduling.Value.Enabled ? await SchedulerAsync(schedulers, cancellationToken) : "disabled";
            var isHealthy = database == "ok" && scheduler is "running" or "disabled";
            var body = new { status = isHealthy ? "ok" : "unavailable", database, scheduler };
            return isHealthy ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        return app;
    }

    private static async Task<string> DatabaseAsync(AsnBotDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken) ? "ok" : "unreachable";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return "unreachable";
        }
    }

    /// <summary>"running", or what is wrong: "standby", "stopped", "store unreachable".</summary>
    private static async Task<string> SchedulerAsync(ISchedulerFactory schedulers, CancellationToken cancellationToken)
    {
        try
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            var status = await scheduler.GetStatus(cancellationToken);
            if (status == SchedulerStatus.Standby)
                return "standby";
            if (status != SchedulerStatus.Running)
                return "stopped";
            // A read from the job store: the due-work job is always stored.
            return await scheduler.GetJobDetail(DueWorkJob.Key, cancellationToken) is not null ? "running" : "store unreachable";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return "store unreachable";
        }
    }
}
