using AsnBot.Dashboard.Access;
using AsnBot.Dashboard.People;
using AsnBot.Knowledge.Catalog;
using AsnBot.Knowledge.Enrollments;
using AsnBot.Knowledge.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Dashboard.Enrollments;

/// <summary>One participant of a training as the attendance page lists them, with their JP this year.</summary>
public sealed record EnrolledPerson(
    Guid EnrollmentId, Guid PersonId, string Nip, string FullName, string Agency, string Unit, string? SessionId, EnrollmentStatus Status, decimal JpThisYear);

/// <summary>A training to pick on the attendance page, with how many of the scope's people it has.</summary>
public sealed record TrainingChoice(string Code, string Title, int Enrolled, IReadOnlyList<TrainingSession> Sessions);

/// <summary>Reads enrollments for the dashboard, always through <see cref="DashboardScope.People"/>.</summary>
public static class EnrollmentQueries
{
    /// <summary>Every catalog training, those with the most enrolled people of the scope first.</summary>
    public static async Task<IReadOnlyList<TrainingChoice>> TrainingsAsync(AsnBotDbContext db, DashboardScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var people = scope.People(db);
        var counts = await db.Set<Enrollment>().Where(e => people.Any(p => p.Id == e.PersonId))
            .GroupBy(e => e.TrainingCode).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken).ConfigureAwait(false);
        var trainings = await CatalogStore.LoadAsync(db, cancellationToken).ConfigureAwait(false);
        return [.. trainings
            .Select(t => new TrainingChoice(t.Code, t.Title, counts.GetValueOrDefault(t.Code), [.. t.Sessions.OrderBy(s => s.Start)]))
            .OrderByDescending(t => t.Enrolled).ThenBy(t => t.Code, StringComparer.Ordinal)];
    }

    /// <summary>The scope's people enrolled in the training (in one session when given), by name.</summary>
    public static async Task<IReadOnlyList<EnrolledPerson>> ParticipantsAsync(
        AsnBotDbContext db, DashboardScope scope, TimeProvider time, string trainingCode, string? sessionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var people = scope.People(db);
        var enrollments = db.Set<Enrollment>().AsNoTracking().Where(e => e.TrainingCode == trainingCode);
        if (!string.IsNullOrEmpty(sessionId))
            enrollments = enrollments.Where(e => e.SessionId == sessionId);
        var rows = await (
            from e in enrollments
            join p in people on e.PersonId equals p.Id
            orderby p.FullName
            select new { e.Id, PersonId = p.Id, p.Nip, p.FullName, p.Agency, p.Unit, e.SessionId, e.Status })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var ids = rows.Select(r => r.PersonId).ToList();
        var jp = await LearningHoursThisYear.CreditedAsync(db, people.Where(p => ids.Contains(p.Id)), LearningHoursThisYear.Year(time), cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new EnrolledPerson(r.Id, r.PersonId, r.Nip, r.FullName, r.Agency, r.Unit, r.SessionId, r.Status, jp.GetValueOrDefault(r.PersonId)))];
    }

    /// <summary>How a coordinator reads a status.</summary>
    public static string Label(EnrollmentStatus status) => status switch
    {
        EnrollmentStatus.Interest => "minat",
        EnrollmentStatus.Registered => "terdaftar",
        EnrollmentStatus.Attended => "hadir",
        EnrollmentStatus.Completed => "lulus",
        _ => "tidak lulus",
    };

    /// <summary>The statuses a coordinator may move this enrollment to next.</summary>
    public static IReadOnlyList<EnrollmentStatus> NextSteps(EnrollmentStatus from) =>
        [.. Enum.GetValues<EnrollmentStatus>().Where(to => to != from && EnrollmentTransitions.IsAllowed(from, to))];
}
