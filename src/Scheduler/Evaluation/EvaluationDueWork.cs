using AsnBot.Knowledge.Evaluation;
using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Persistence;
using AsnBot.Scheduler.DueWork;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AsnBot.Scheduler.Evaluation;

/// <summary>
/// Post-training questionnaires: opens the ones owed by the enrollments' dates, then writes the
/// asks and reminders that are due as <c>start-dialog</c> outbox rows in each recipient's
/// local time (quiet hours respected). The decisions are the planner's; this only runs them.
/// </summary>
public sealed class EvaluationDueWork(EvaluationPlanner planner, IServiceScopeFactory scopes, DeliveryWindow window, IOptions<SchedulerOptions> options) : IDueWork
{
    public string Name => "evaluations";

    public async Task<int> EnqueueDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AsnBotDbContext>();
        await planner.OpenOwedRequestsAsync(db, now, options.Value.Reminder, cancellationToken).ConfigureAwait(false);
        var messages = await planner.DueMessagesAsync(db, now, cancellationToken).ConfigureAwait(false);
        // Rows first, marks after: a crash in between repeats the same dedupe keys, never a second ask.
        var written = await PersonalMessages.EnqueueAsync(db, messages, window, now, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return written;
    }
}
