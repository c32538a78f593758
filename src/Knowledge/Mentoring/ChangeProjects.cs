using AsnBot.Knowledge.Catalog;
using AsnBot.Knowledge.Enrollments;
using AsnBot.Knowledge.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Knowledge.Mentoring;

/// <summary>A leadership training the person completed, which opens a change project.</summary>
public sealed record LeadershipAlumnus(string TrainingCode, string TrainingTitle);

/// <summary>Change projects (aksi perubahan) of leadership-training alumni: start one, see it, tick off its milestones.</summary>
public static class ChangeProjects
{
    /// <summary>The person's latest completed leadership training (Latsar, PKP, PKA, PKN), or null.</summary>
    public static async Task<LeadershipAlumnus?> AlumnusOfAsync(AsnBotDbContext db, MentoringSettings settings, Guid personId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(settings);
        var codes = settings.LeadershipTrainings.ToList();
        var row = await (from e in db.Set<Enrollment>()
                         join t in db.Set<Training>() on e.TrainingCode equals t.Code
                         where e.PersonId == personId && e.Status == EnrollmentStatus.Completed && codes.Contains(e.TrainingCode)
                         orderby e.CompletedAt descending
                         select new { t.Code, t.Title })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return row is null ? null : new LeadershipAlumnus(row.Code, row.Title);
    }

    public static Task<ChangeProject?> CurrentAsync(AsnBotDbContext db, Guid personId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<ChangeProject>().Include(p => p.Milestones)
            .Where(p => p.PersonId == personId).OrderByDescending(p => p.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Starts a project today with the milestones of <c>data/mentoring.yaml</c>.</summary>
    public static ChangeProject Start(AsnBotDbContext db, MentoringSettings settings, Guid personId, string trainingCode, string title, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(settings);
        var project = new ChangeProject
        {
            PersonId = personId, TrainingCode = trainingCode, Title = title.Trim(), StartedOn = today,
            DueOn = today.AddDays(settings.ChangeProjectDays), CreatedAt = now,
            Milestones = [.. settings.Milestones.Select((m, i) => new ChangeProjectMilestone { Number = i + 1, Title = m.Title, DueOn = today.AddDays(m.Day) })],
        };
        db.Add(project);
        return project;
    }

    /// <summary>Ticks off the first milestone not yet done; returns it, or null when all are done.</summary>
    public static ChangeProjectMilestone? CompleteNext(ChangeProject project, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(project);
        var next = project.Milestones.Where(m => m.DoneAt is null).OrderBy(m => m.Number).FirstOrDefault();
        if (next is not null)
            next.DoneAt = now;
        return next;
    }
}
