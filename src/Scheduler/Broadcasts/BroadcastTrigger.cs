using Quartz;

namespace AsnBot.Scheduler.Broadcasts;

/// <summary>Plans and unplans a broadcast's audience resolution in the persistent job store.</summary>
public sealed class BroadcastTrigger(ISchedulerFactory schedulers)
{
    public async Task ScheduleAsync(long broadcastId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var trigger = TriggerBuilder.Create()
            .WithIdentity(BroadcastJob.TriggerFor(broadcastId))
            .ForJob(BroadcastJob.Key)
            .UsingJobData(BroadcastJob.BroadcastIdKey, broadcastId)
            .StartAt(at)
            .Build();
        if (await scheduler.Exists(trigger.Key, cancellationToken).ConfigureAwait(false))
            await scheduler.UnscheduleJob(trigger.Key, cancellationToken).ConfigureAwait(false);
        await scheduler.ScheduleJob(trigger, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public async Task UnscheduleAsync(long broadcastId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        await scheduler.UnscheduleJob(BroadcastJob.TriggerFor(broadcastId), cancellationToken).ConfigureAwait(false);
    }
}
