using System.Collections.Immutable;
using System.Globalization;
using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Knowledge.Mentoring;

/// <summary>
/// The rhythm of every active pair, at the ask hour of each one's local day: the mentor is
/// reminded the day before a session and asked to record it the day after; the mentee gets a
/// follow-up once a held session is recorded; an unrecorded session becomes missed after
/// <see cref="MentoringSettings.RecordWithinDays"/> days, and a run of missed ones reaches
/// the coordinator once.
/// </summary>
public sealed class MentoringPlanner(MentoringSettings settings)
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    // Bounds a pair whose first session lies far back, so one run never creates an unbounded number of rows.
    private const int MaxSessionsPerPair = 400;

    /// <summary>Updates sessions and escalations in the context and returns the messages due; the caller enqueues them and saves.</summary>
    public async Task<IReadOnlyList<PersonalMessage>> DueMessagesAsync(AsnBotDbContext db, DateTimeOffset now, TimeOnly askAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var pairs = await db.Set<MentoringPair>().Where(p => p.IsActive).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (pairs.Count == 0)
            return [];
        var pairIds = pairs.Select(p => p.Id).ToList();
        var sessions = (await db.Set<MentoringSession>().Where(s => pairIds.Contains(s.PairId)).ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToLookup(s => s.PairId);
        var escalated = (await db.Set<MentoringEscalation>().Where(e => pairIds.Contains(e.PairId))
                .Select(e => new { e.PairId, e.SessionNumber }).ToListAsync(cancellationToken).ConfigureAwait(false))
            .Select(e => (e.PairId, e.SessionNumber)).ToHashSet();
        var peopleIds = pairs.SelectMany(p => new[] { p.MentorId, p.MenteeId }).Distinct().ToList();
        var people = await db.Set<Person>().AsNoTracking().Where(p => peopleIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, cancellationToken).ConfigureAwait(false);

        var messages = new List<PersonalMessage>();
        foreach (var pair in pairs)
        {
            if (!people.TryGetValue(pair.MentorId, out var mentor) || !people.TryGetValue(pair.MenteeId, out var mentee))
                continue;
            var own = sessions[pair.Id].ToDictionary(s => s.Number);
            for (var number = 1; number <= MaxSessionsPerPair; number++)
            {
                var day = pair.SessionOn(number);
                if (Local(day.AddDays(-1), askAt, mentor.TimeZone) > now)
                    break;
                if (!own.TryGetValue(number, out var session))
                {
                    session = new MentoringSession { PairId = pair.Id, Number = number, ScheduledOn = day, CreatedAt = now };
                    db.Add(session);
                    own[number] = session;
                }
                messages.AddRange(ForSession(pair, session, mentor, mentee, now, askAt));
            }
            if (Escalation(pair, own, escalated, now) is { } escalation)
            {
                db.Add(escalation);
                if (pair.CoordinatorId is { } coordinator)
                    messages.Add(new PersonalMessage(coordinator, $"mentoring:{pair.Id:N}:{escalation.SessionNumber}:escalation", OutboxKind.Text,
                        new OutboxPayload
                        {
                            TextKey = "outbox.mentoring_escalation",
                            Args = ImmutableDictionary<string, string>.Empty
                                .Add("mentor", mentor.FullName).Add("mentee", mentee.FullName)
                                .Add("missed", settings.MissesToEscalate.ToString(CultureInfo.InvariantCulture)),
                        }));
            }
        }
        return messages;
    }

    private IEnumerable<PersonalMessage> ForSession(MentoringPair pair, MentoringSession session, Person mentor, Person mentee, DateTimeOffset now, TimeOnly askAt)
    {
        var day = session.ScheduledOn;
        var key = $"mentoring:{pair.Id:N}:{session.Number.ToString(CultureInfo.InvariantCulture)}";
        var sessionAsk = Local(day, askAt, mentor.TimeZone);
        if (now < sessionAsk && session.Status == MentoringSessionStatus.Scheduled)
        {
            yield return new PersonalMessage(mentor.Id, key + ":reminder", OutboxKind.Text, new OutboxPayload
            {
                TextKey = "outbox.mentoring_reminder",
                Args = ImmutableDictionary<string, string>.Empty
                    .Add("mentee", mentee.FullName).Add("date", day.ToString("dddd, d MMMM yyyy", Indonesian)),
            });
        }
        var dayAfter = Local(day.AddDays(1), askAt, mentor.TimeZone);
        var deadline = Local(day.AddDays(settings.RecordWithinDays), askAt, mentor.TimeZone);
        if (session.Status == MentoringSessionStatus.Scheduled && now >= dayAfter && now < deadline)
            yield return new PersonalMessage(mentor.Id, key + ":record", OutboxKind.StartDialog, new OutboxPayload { DialogId = "mentoring-session" });
        if (session.Status == MentoringSessionStatus.Scheduled && now >= deadline)
            session.Status = MentoringSessionStatus.Missed;
        if (session.Status == MentoringSessionStatus.Held && session.MenteePractice is null && now >= Local(day.AddDays(1), askAt, mentee.TimeZone)
            && now < Local(day.AddDays(pair.EveryDays), askAt, mentee.TimeZone))
            yield return new PersonalMessage(mentee.Id, key + ":follow-up", OutboxKind.StartDialog, new OutboxPayload { DialogId = "mentoring-follow-up" });
    }

    /// <summary>A run of missed check-ins reaching the threshold, told once per run (a held session starts a new count).</summary>
    private MentoringEscalation? Escalation(MentoringPair pair, Dictionary<int, MentoringSession> sessions, HashSet<(Guid, int)> escalated, DateTimeOffset now)
    {
        var closed = sessions.Values.Where(s => s.Status != MentoringSessionStatus.Scheduled).OrderBy(s => s.Number).ToList();
        if (closed.Count < settings.MissesToEscalate)
            return null;
        var streak = 0;
        for (var i = closed.Count - 1; i >= 0 && closed[i].IsMissed; i--)
            streak++;
        if (streak != settings.MissesToEscalate)
            return null;
        var latest = closed[^1].Number;
        if (escalated.Contains((pair.Id, latest)))
            return null;
        escalated.Add((pair.Id, latest));
        return new MentoringEscalation { PairId = pair.Id, SessionNumber = latest, CreatedAt = now };
    }

    private static DateTimeOffset Local(DateOnly day, TimeOnly time, IndonesianTimeZone zone) => new(day.ToDateTime(time), zone.Offset());
}
