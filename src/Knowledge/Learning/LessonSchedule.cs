using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Knowledge.Learning;

/// <summary>A person's daily learning, due on their local <see cref="Day"/> at their lesson hour.</summary>
public sealed record DueLesson(Guid PersonId, DateOnly Day, DateTime LocalTime);

/// <summary>
/// Who gets their daily learning today: people with an active module who have not had a lesson
/// on their local today, and people with questions due again. Only today counts: days missed
/// are not made up, so nobody finds a pile of lessons waiting.
/// </summary>
public static class LessonSchedule
{
    public static async Task<IReadOnlyList<DueLesson>> DueTodayAsync(AsnBotDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        // The latest local date anywhere in Indonesia bounds the repetition query; each person is then checked in their own zone.
        var latestToday = DateOnly.FromDateTime(IndonesianTimeZone.WIT.ToLocal(now).DateTime);
        var active = await db.Set<ModuleEnrollment>().AsNoTracking()
            .Where(e => e.Status == ModuleEnrollmentStatus.Active)
            .Select(e => new { e.PersonId, e.LastLessonOn })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var repeating = await db.Set<QuizRepetition>().AsNoTracking()
            .Where(r => !r.IsDone && r.DueOn <= latestToday)
            .Select(r => new { r.PersonId, r.DueOn, r.LastAskedOn })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var ids = active.Select(a => a.PersonId).Concat(repeating.Select(r => r.PersonId)).Distinct().ToList();
        var people = await db.Set<Person>().AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.TimeZone, p.LessonHour })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var due = new List<DueLesson>();
        foreach (var person in people)
        {
            var today = DateOnly.FromDateTime(person.TimeZone.ToLocal(now).DateTime);
            var hasLesson = active.Any(a => a.PersonId == person.Id && (a.LastLessonOn is null || a.LastLessonOn < today));
            var hasRepetition = repeating.Any(r => r.PersonId == person.Id && r.DueOn <= today && (r.LastAskedOn is null || r.LastAskedOn < today));
            if (hasLesson || hasRepetition)
                due.Add(new DueLesson(person.Id, today, today.ToDateTime(new TimeOnly(Math.Clamp(person.LessonHour, 0, 23), 0))));
        }
        return due;
    }
}
