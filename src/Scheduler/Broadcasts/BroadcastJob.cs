using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace AsnBot.Scheduler.Broadcasts;

/// <summary>At a broadcast's send time: resolves its audience into outbox rows. The dispatcher does the rest.</summary>
[DisallowConcurrentExecution]
public sealed partial class BroadcastJob(IServiceScopeFactory scopes, DeliveryWindow window, TimeProvider time, ILogger<BroadcastJob> logger) : IJob
{
    public static readonly JobKey Key = new("broadcast", "outbox");
    public const string BroadcastIdKey = "broadcastId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var broadcastId = context.MergedJobDataMap.GetLong(BroadcastIdKey);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AsnBotDbContext>();
        var targeted = await BroadcastAudience.EnqueueAsync(db, broadcastId, window, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        LogEnqueued(logger, broadcastId, targeted);
    }

    public static TriggerKey TriggerFor(long broadcastId) => new($"broadcast-{broadcastId}", "outbox");

    [LoggerMessage(Level = LogLevel.Information, Message = "Broadcast {BroadcastId}: {Targeted} messages in the outbox")]
    private static partial void LogEnqueued(ILogger logger, long broadcastId, int targeted);
}
