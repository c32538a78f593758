using System.Collections.Immutable;
using System.Globalization;
using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Profiles;
using AsnBot.Scheduler.DueWork;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AsnBot.Scheduler.Reminders;

/// <summary>
/// Session reminders: the day before (H-1) at the reminder time of the person's own zone, and
/// on Monday a digest of the week ahead. Texts come from <c>dialogs/texts.yaml</c> by key.
/// </summary>
public sealed class SessionReminders(
    IEnumerable<ITrainingCalendar> calendars, IServiceScopeFactory scopes, DeliveryWindow window, IOptions<SchedulerOptions> options) : IDueWork
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public string Name => "session-reminders";

    public async Task<int> EnqueueDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (calendars.LastOrDefault() is not { } calendar)
            return 0;
        var sessions = await calendar.EnrolledSessionsStartingAsync(now, now.AddDays(8), cancellationToken).ConfigureAwait(false);
        if (sessions.Count == 0)
            return 0;

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AsnBotDbContext>();
        var ids = sessions.Select(s => s.PersonId).Distinct().ToList();
        var zones = await db.Set<Person>().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.TimeZone, cancellationToken).ConfigureAwait(false);

        var messages = new List<PersonalMessage>();
        messages.AddRange(DayBefore(sessions, zones, now));
        messages.AddRange(WeekAhead(sessions, zones, now));
        return await PersonalMessages.EnqueueAsync(db, messages, window, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>H-1: due from the reminder time of the local day before, until the session starts.</summary>
    internal IEnumerable<PersonalMessage> DayBefore(IEnumerable<EnrolledSession> sessions, IReadOnlyDictionary<Guid, IndonesianTimeZone> zones, DateTimeOffset now)
    {
        foreach (var session in sessions)
        {
            if (!zones.TryGetValue(session.PersonId, out var zone) || session.StartsAt <= now)
                continue;
            var start = zone.ToLocal(session.StartsAt);
            var remindAt = start.Date.AddDays(-1) + options.Value.Reminder.ToTimeSpan();
            if (new DateTimeOffset(remindAt, zone.Offset()) > now)
                continue;
            yield return new PersonalMessage(
                session.PersonId,
                string.Create(CultureInfo.InvariantCulture, $"reminder:h-1:{session.SessionId}:{session.PersonId}"),
                OutboxKind.Text,
                new OutboxPayload { TextKey = "outbox.reminder_h1", Args = Describe(session, start, zone) });
        }
    }

    /// <summary>On the person's local Monday from the digest time: the sessions of the coming seven days, in one message.</summary>
    internal IEnumerable<PersonalMessage> WeekAhead(IEnumerable<EnrolledSession> sessions, IReadOnlyDictionary<Guid, IndonesianTimeZone> zones, DateTimeOffset now)
    {
        foreach (var person in sessions.GroupBy(s => s.PersonId))
        {
            if (!zones.TryGetValue(person.Key, out var zone))
                continue;
            var local = zone.ToLocal(now);
            if (local.DayOfWeek != DayOfWeek.Monday || TimeOnly.FromDateTime(local.DateTime) < options.Value.Digest)
                continue;
            var weekEnd = new DateTimeOffset(local.Date.AddDays(7), zone.Offset());
            var lines = person.Where(s => s.StartsAt > now && s.StartsAt < weekEnd).OrderBy(s => s.StartsAt)
                .Select(s => $"• {zone.ToLocal(s.StartsAt).ToString("dddd, d MMMM HH.mm", Indonesian)} {zone}: {s.Title} ({s.Location})")
                .ToList();
            if (lines.Count == 0)
                continue;
            yield return new PersonalMessage(
                person.Key,
                string.Create(CultureInfo.InvariantCulture, $"digest:{local:yyyy-MM-dd}:{person.Key}"),
                OutboxKind.Text,
                new OutboxPayload { TextKey = "outbox.week_ahead", Args = ImmutableDictionary<string, string>.Empty.Add("sessions", string.Join('\n', lines)) });
        }
    }

    private static ImmutableDictionary<string, string> Describe(EnrolledSession session, DateTimeOffset start, IndonesianTimeZone zone) =>
        ImmutableDictionary<string, string>.Empty
            .Add("title", session.Title)
            .Add("date", start.ToString("dddd, d MMMM yyyy", Indonesian))
            .Add("time", start.ToString("HH.mm", Indonesian) + " " + zone)
            .Add("location", session.Location);
}
