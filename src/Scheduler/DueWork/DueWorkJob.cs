using Microsoft.Extensions.Logging;
using Quartz;

namespace AsnBot.Scheduler.DueWork;

/// <summary>Every few minutes: lets every <see cref="IDueWork"/> write what has become due.</summary>
[DisallowConcurrentExecution]
public sealed partial class DueWorkJob(IEnumerable<IDueWork> work, TimeProvider time, ILogger<DueWorkJob> logger) : IJob
{
    public static readonly JobKey Key = new("due-work", "outbox");
    public static readonly TriggerKey TriggerKey = new("due-work-every-few-minutes", "outbox");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        foreach (var item in work)
        {
            try
            {
                var written = await item.EnqueueDueAsync(now, cancellationToken).ConfigureAwait(false);
                if (written > 0)
                    LogWritten(logger, item.Name, written);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One kind of work failing must not hold back the others; the next run tries again.
                LogFailed(logger, e, item.Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Due work {Work}: {Count} messages in the outbox")]
    private static partial void LogWritten(ILogger logger, string work, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Due work {Work} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string work);
}
