using AsnBot.Knowledge.LearningHours;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Knowledge.Mentoring;

/// <summary>A session waiting for its record, as the mentor's dialog shows it.</summary>
public sealed record SessionToRecord(MentoringSession Session, string MenteeName, Guid MenteeId);

/// <summary>
/// What the mentoring dialogs write: the mentor's record of a session (held or not, topic,
/// agreed action; a held one credits the mentee JP as mentoring, NKL02) and the mentee's
/// follow-up. Added to the caller's context, saved with the dialog turn.
/// </summary>
public static class MentoringRecorder
{
    public const string MentoringPath = "NKL02";

    /// <summary>The mentor's most recent session that has come and is not yet recorded (one already counted as missed stays missed).</summary>
    public static async Task<SessionToRecord?> NextToRecordAsync(AsnBotDbContext db, Guid mentorId, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await (from s in db.Set<MentoringSession>()
                         join p in db.Set<MentoringPair>() on s.PairId equals p.Id
                         join m in db.Set<Person>() on p.MenteeId equals m.Id
                         where p.MentorId == mentorId && p.IsActive && s.ScheduledOn <= today && s.Status == MentoringSessionStatus.Scheduled
                         orderby s.ScheduledOn descending
                         select new { Session = s, m.FullName, MenteeId = m.Id })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return row is null ? null : new SessionToRecord(row.Session, row.FullName, row.MenteeId);
    }

    /// <summary>Records the session; a held one credits the mentee's JP with <paramref name="jpTitle"/>. False when it is not the mentor's.</summary>
    public static async Task<bool> RecordSessionAsync(
        AsnBotDbContext db, LearningHoursLedger ledger, Guid sessionId, Guid mentorId, bool held, string? topic, string? agreedAction, string jpTitle, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(ledger);
        var row = await (from s in db.Set<MentoringSession>()
                         join p in db.Set<MentoringPair>() on s.PairId equals p.Id
                         where s.Id == sessionId && p.MentorId == mentorId
                         select new { Session = s, p.MenteeId })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (row is null)
            return false;
        var session = row.Session;
        session.Status = held ? MentoringSessionStatus.Held : MentoringSessionStatus.NotHeld;
        session.Topic = held ? topic : null;
        session.AgreedAction = held ? agreedAction : null;
        session.RecordedAt = now;
        if (held)
        {
            await ledger.CreditAsync(
                new LearningActivity(row.MenteeId, MentoringPath, LearningSource.Mentoring, jpTitle, session.ScheduledOn, $"mentoring:{session.Id:N}"),
                cancellationToken).ConfigureAwait(false);
        }
        return true;
    }

    /// <summary>The mentee's latest held session still waiting for their "what did you practise?".</summary>
    public static Task<MentoringSession?> NextFollowUpAsync(AsnBotDbContext db, Guid menteeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (from s in db.Set<MentoringSession>()
                join p in db.Set<MentoringPair>() on s.PairId equals p.Id
                where p.MenteeId == menteeId && s.Status == MentoringSessionStatus.Held && s.MenteePractice == null
                orderby s.ScheduledOn descending
                select s).FirstOrDefaultAsync(cancellationToken);
    }
}
