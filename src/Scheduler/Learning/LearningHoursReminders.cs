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

    /// <summary>How many people are read and reminded at a time.</summary>
    public int PageSize { get; init; } = 500;

    public async Task<int> EnqueueDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Every zone's local month is within a day of UTC's; outside the two months there is nothing to do.
        if (!Months.Contains(now.AddHours(9).Month) && !Months.Contains(now.AddHours(7).Month))
            return 0;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AsnBotDbContext>();
        var years = LocalYears.At(now);
        var written = 0;
        // A page of people at a time, each with its JP by the ledger's one definition: the whole
        // register is never in memory, and each page's reminders are written before the next is read.
        for (var page = 0; ; page++)
        {
            var people = db.Set<Person>().AsNoTracking().OrderBy(p => p.Id).Skip(page * PageSize).Take(PageSize);
            var batch = await people.Select(p => new { p.Id, p.TimeZone }).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (batch.Count == 0)
                break;
            var credited = await CreditedJp.Query(db, people, years)
                .ToDictionaryAsync(c => c.PersonId, c => c.Jp, cancellationToken).ConfigureAwait(false);
            var messages = new List<PersonalMessage>();
            foreach (var person in batch)
            {
                var local = person.TimeZone.ToLocal(now);
                if (!Months.Contains(local.Month) || TimeOnly.FromDateTime(local.DateTime) < options.Value.Reminder)
                    continue;
                var total = credited.GetValueOrDefault(person.Id);
                if (total >= LearningHoursSummary.TargetJpPerYear)
                    continue;
                messages.Add(Reminder(person.Id, local, total));
            }
            written += await PersonalMessages.EnqueueAsync(db, messages, window, now, cancellationToken).ConfigureAwait(false);
            db.ChangeTracker.Clear();
            if (batch.Count < PageSize)
                break;
        }
        return written;
    }

    private static PersonalMessage Reminder(Guid personId, DateTimeOffset local, decimal total) => new(
        personId,
        string.Create(CultureInfo.InvariantCulture, $"jp-reminder:{personId}:{local:yyyy-MM}"),
        OutboxKind.Text,
        new OutboxPayload
        {
            TextKey = "outbox.jp_reminder",
            Args = ImmutableDictionary<string, string>.Empty
                .Add("year", local.Year.ToString(CultureInfo.InvariantCulture))
                .Add("total", Jp(total))
                .Add("remaining", Jp(LearningHoursSummary.TargetJpPerYear - total)),
        });

    private static string Jp(decimal value) => value.ToString("0.##", CultureInfo.GetCultureInfo("id-ID"));
}
