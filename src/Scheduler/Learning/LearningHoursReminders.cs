using System.Collections.Immutable;
using System.Globalization;
using AsnBot.Knowledge.LearningHours;
using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Profiles;
using AsnBot.Scheduler.DueWork;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AsnBot.Scheduler.Learning;

/// <summary>
/// In October and November, once a month, a reminder to everyone still below 20 JP this year, at
/// the reminder time of their own zone: there is still time before the year ends.
/// </summary>
public sealed class LearningHoursReminders(IServiceScopeFactory scopes, DeliveryWindow window, IOptions<SchedulerOptions> options) : IDueWork
{
    public static readonly IReadOnlySet<int> Months = new HashSet<int> { 10, 11 };

    public string Name => "learning-hours-reminders";

    public async Task<int> EnqueueDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Every zone's local month is within a day of UTC's; outside the two months there is nothing to do.
        if (!Months.Contains(now.AddHours(9).Month) && !Months.Contains(now.AddHours(7).Month))
            return 0;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AsnBotDbContext>();
        var people = await db.Set<Person>().AsNoTracking().Select(p => new { p.Id, p.TimeZone }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var years = people.Select(p => p.TimeZone.ToLocal(now).Year).Distinct().ToList();
        var totals = await db.Set<LearningHoursEntry>().AsNoTracking()
            .Where(e => years.Contains(e.Year) && e.Status == LearningHoursStatus.Credited)
            .GroupBy(e => new { e.PersonId, e.Year })
            .Select(g => new { g.Key.PersonId, g.Key.Year, Jp = g.Sum(e => e.Jp) })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var byPerson = totals.ToDictionary(t => (t.PersonId, t.Year), t => t.Jp);

        var messages = new List<PersonalMessage>();
        foreach (var person in people)
        {
            var local = person.TimeZone.ToLocal(now);
            if (!Months.Contains(local.Month) || TimeOnly.FromDateTime(local.DateTime) < options.Value.Reminder)
                continue;
            var total = byPerson.GetValueOrDefault((person.Id, local.Year));
            if (total >= LearningHoursSummary.TargetJpPerYear)
                continue;
            messages.Add(new PersonalMessage(
                person.Id,
                string.Create(CultureInfo.InvariantCulture, $"jp-reminder:{person.Id}:{local:yyyy-MM}"),
                OutboxKind.Text,
                new OutboxPayload
                {
                    TextKey = "outbox.jp_reminder",
                    Args = ImmutableDictionary<string, string>.Empty
                        .Add("year", local.Year.ToString(CultureInfo.InvariantCulture))
                        .Add("total", Jp(total))
                        .Add("remaining", Jp(LearningHoursSummary.TargetJpPerYear - total)),
                }));
        }
        return await PersonalMessages.EnqueueAsync(db, messages, window, now, cancellationToken).ConfigureAwait(false);
    }

    private static string Jp(decimal value) => value.ToString("0.##", CultureInfo.GetCultureInfo("id-ID"));
}
