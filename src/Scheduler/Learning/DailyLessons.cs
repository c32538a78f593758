using System.Globalization;
using AsnBot.Knowledge.Learning;
using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Persistence;
using AsnBot.Scheduler.DueWork;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsnBot.Scheduler.Learning;

/// <summary>
/// Daily learning: for each person due today (<see cref="LessonSchedule"/>), one <c>learning-daily</c>
/// dialog at their lesson hour, local time, quiet hours respected. The dialog decides at delivery
/// what it brings, so a lesson read early with "Lanjut" is never sent twice.
/// </summary>
public sealed class DailyLessons(IServiceScopeFactory scopes, DeliveryWindow window) : IDueWork
{
    public const string DialogId = "learning-daily";

    public string Name => "daily-lessons";

    public async Task<int> EnqueueDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AsnBotDbContext>();
        var due = await LessonSchedule.DueTodayAsync(db, now, cancellationToken).ConfigureAwait(false);
        if (due.Count == 0)
            return 0;
        var messages = due.Select(d => new PersonalMessage(
            d.PersonId,
            string.Create(CultureInfo.InvariantCulture, $"lesson:{d.PersonId}:{d.Day:yyyy-MM-dd}"),
            OutboxKind.StartDialog,
            new OutboxPayload { DialogId = DialogId },
            d.LocalTime)).ToList();
        return await PersonalMessages.EnqueueAsync(db, messages, window, now, cancellationToken).ConfigureAwait(false);
    }
}
