using AsnBot.Knowledge.Mentoring;
using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Persistence;
using AsnBot.Scheduler.DueWork;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AsnBot.Scheduler.Mentoring;

/// <summary>
/// The mentoring rhythm: reminders the day before, the mentor's session record and the
/// mentee's follow-up after, missed check-ins and the coordinator's escalation, as outbox rows
/// in each recipient's local time. The decisions are the planner's; this only runs them.
/// </summary>
public sealed class MentoringDueWork(MentoringPlanner planner, IServiceScopeFactory scopes, DeliveryWindow window, IOptions<SchedulerOptions> options) : IDueWork
{
    public string Name => "mentoring";

    public async Task<int> EnqueueDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AsnBotDbContext>();
        var messages = await planner.DueMessagesAsync(db, now, options.Value.Reminder, cancellationToken).ConfigureAwait(false);
        var written = await PersonalMessages.EnqueueAsync(db, messages, window, now, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return written;
    }
}
