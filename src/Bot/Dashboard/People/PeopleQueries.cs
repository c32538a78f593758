using AsnBot.Dashboard.Access;
using AsnBot.Knowledge.Enrollments;
using AsnBot.Knowledge.Evaluation;
using AsnBot.Knowledge.LearningHours;
using AsnBot.Knowledge.Mentoring;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Profiles;
using AsnBot.Knowledge.Surveys;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Dashboard.People;

public sealed record PersonRow(Guid Id, string Nip, string FullName, string Agency, string Unit, string JobLevel, string Province, DateTimeOffset? LastSurvey);

public sealed record PeoplePage(IReadOnlyList<PersonRow> Rows, int Total);

/// <summary>The choices of the people list's filters, within the scope.</summary>
public sealed record PeopleFilterChoices(IReadOnlyList<string> Agencies, IReadOnlyList<string> Units, IReadOnlyList<string> JobLevels, IReadOnlyList<string> Provinces);

/// <summary>Everything the person page shows about one civil servant.</summary>
public sealed record PersonDetails(
    Person Person, IReadOnlyList<ChannelAccount> Channels, IReadOnlyList<NeedsSurvey> Surveys, IReadOnlyList<EnrollmentRow> Enrollments, LearningHoursSummary LearningHours,
    IReadOnlyList<EvaluationRow> Evaluations, IReadOnlyList<PairView> Mentoring);

/// <summary>One questionnaire about the person: which training and level, who was asked, and how it stands.</summary>
public sealed record EvaluationRow(string TrainingCode, EvaluationLevel Level, EvaluationRole Role, EvaluationStatus Status, decimal? Score, DateTimeOffset DueAt);

public sealed record EnrollmentRow(string TrainingCode, string Title, string? SessionId, EnrollmentStatus Status, DateTimeOffset CreatedAt);

/// <summary>Reads people for the dashboard, always through <see cref="DashboardScope.People"/>.</summary>
public static class PeopleQueries
{
    public static async Task<PeoplePage> PageAsync(AsnBotDbContext db, DashboardScope scope, PeopleFilter filter, TimeProvider time, int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(filter);
        var people = await filter.ApplyAsync(scope.People(db), db, time, cancellationToken).ConfigureAwait(false);
        var total = await people.CountAsync(cancellationToken).ConfigureAwait(false);
        var surveys = db.Set<NeedsSurvey>();
        var rows = await people.OrderBy(p => p.FullName).ThenBy(p => p.Id).Skip(skip).Take(take)
            .Select(p => new PersonRow(p.Id, p.Nip, p.FullName, p.Agency, p.Unit, p.JobLevel, p.Province,
                surveys.Where(s => s.PersonId == p.Id).OrderByDescending(s => s.CompletedAt).Select(s => (DateTimeOffset?)s.CompletedAt).FirstOrDefault()))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new PeoplePage(rows, total);
    }

    public static async Task<PeopleFilterChoices> ChoicesAsync(AsnBotDbContext db, DashboardScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var people = scope.People(db);
        async Task<IReadOnlyList<string>> Distinct(IQueryable<string> values) =>
            await values.Distinct().OrderBy(v => v).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new PeopleFilterChoices(
            await Distinct(people.Select(p => p.Agency)).ConfigureAwait(false),
            await Distinct(people.Select(p => p.Unit)).ConfigureAwait(false),
            await Distinct(people.Select(p => p.JobLevel)).ConfigureAwait(false),
            await Distinct(people.Select(p => p.Province)).ConfigureAwait(false));
    }

    /// <summary>Null when the person does not exist or lies outside the scope: the caller cannot tell which.</summary>
    public static async Task<PersonDetails?> DetailsAsync(AsnBotDbContext db, DashboardScope scope, LearningHoursLedger ledger, Guid personId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var person = await scope.People(db).FirstOrDefaultAsync(p => p.Id == personId, cancellationToken).ConfigureAwait(false);
        if (person is null)
            return null;
        var channels = await db.Set<ChannelAccount>().AsNoTracking().Where(c => c.PersonId == personId).OrderBy(c => c.LinkedAt)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var surveys = await db.Set<NeedsSurvey>().AsNoTracking().AsSplitQuery().Include(s => s.Ratings).Include(s => s.Plan)
            .Where(s => s.PersonId == personId).OrderByDescending(s => s.CompletedAt).ToListAsync(cancellationToken).ConfigureAwait(false);
        var enrollments = await (
            from e in db.Set<Enrollment>().AsNoTracking()
            where e.PersonId == personId
            join t in db.Set<Knowledge.Catalog.Training>() on e.TrainingCode equals t.Code
            orderby e.CreatedAt descending
            select new EnrollmentRow(e.TrainingCode, t.Title, e.SessionId, e.Status, e.CreatedAt))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var evaluations = await db.Set<EvaluationRequest>().AsNoTracking().Where(r => r.ParticipantId == personId)
            .Select(r => new EvaluationRow(r.TrainingCode, r.Level, r.Role, r.Status, r.Score, r.DueAt))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        // The person's pairs either way round (as mentee, or as mentor), as far as the scope's pairs reach.
        var pairs = scope.Pairs(db).Where(p => p.MenteeId == personId || p.MentorId == personId);
        var mentoring = await MentoringPairs.ListAsync(db, includeEnded: true, pairs, cancellationToken).ConfigureAwait(false);
        ArgumentNullException.ThrowIfNull(ledger);
        return new PersonDetails(person, channels, surveys, enrollments, await ledger.ThisYearAsync(personId, cancellationToken).ConfigureAwait(false),
            [.. evaluations.OrderBy(e => e.DueAt)], mentoring);
    }
}
