using AsnBot.Knowledge.Catalog;
using AsnBot.Knowledge.LearningHours;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Privacy;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Knowledge.Enrollments;

/// <summary>What a coordinator sets: this person (by NIP), this training, this status.</summary>
public sealed record EnrollmentChange(string Nip, string TrainingCode, EnrollmentStatus Status, string? SessionId = null);

public sealed record EnrollmentView(Guid Id, string Nip, string TrainingCode, string? SessionId, string Status, DateTimeOffset? CompletedAt, decimal? CreditedJp);

/// <summary>The part of a change that is wrong: the person, the training, the session or the status.</summary>
public enum EnrollmentPart
{
    Person,
    Training,
    Session,
    Status,
}

/// <summary>Why a change is refused, as the coordinator reads it, and which part of it is wrong.</summary>
public sealed record EnrollmentRefusal(EnrollmentPart Part, string Reason);

public sealed class EnrollmentRefusedException(string message) : Exception(message);

/// <summary>
/// The coordinators' operations on enrollments, shared by the command line, the HTTP API, the
/// attendance import and later the dashboard. Completion stamps <see cref="Enrollment.CompletedAt"/>
/// (evaluations are scheduled from it) and credits the training's JP by its path.
/// </summary>
public sealed class EnrollmentService(AsnBotDbContext db, LearningHoursLedger ledger, ImportTexts texts, TimeProvider time)
{
    /// <summary>Applies one change and saves it. Refused changes throw <see cref="EnrollmentRefusedException"/> and save nothing.</summary>
    public Task<EnrollmentView> SetAsync(EnrollmentChange change, CancellationToken cancellationToken) =>
        SetAsync(change, null, cancellationToken);

    /// <summary>As <see cref="SetAsync(EnrollmentChange, CancellationToken)"/>, for a person among <paramref name="within"/> only (a coordinator's scope).</summary>
    public async Task<EnrollmentView> SetAsync(EnrollmentChange change, IQueryable<Person>? within, CancellationToken cancellationToken)
    {
        var (refusal, view) = await ApplyAsync(change, within, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
            throw new EnrollmentRefusedException(refusal.Reason);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return view!;
    }

    /// <summary>
    /// Checks and stages a change in the unit of work without saving: a refusal, or the result.
    /// The import stages every row and saves only when none failed.
    /// </summary>
    public Task<(EnrollmentRefusal? Refusal, EnrollmentView? View)> ApplyAsync(EnrollmentChange change, CancellationToken cancellationToken) =>
        ApplyAsync(change, null, cancellationToken);

    /// <summary>
    /// As <see cref="ApplyAsync(EnrollmentChange, CancellationToken)"/>; a person outside
    /// <paramref name="within"/> is answered like an unknown NIP, so a scope cannot be probed.
    /// </summary>
    public async Task<(EnrollmentRefusal? Refusal, EnrollmentView? View)> ApplyAsync(EnrollmentChange change, IQueryable<Person>? within, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var nip = new string(change.Nip.Where(char.IsDigit).ToArray());
        var person = await (within ?? db.Set<Person>()).FirstOrDefaultAsync(p => p.Nip == nip, cancellationToken).ConfigureAwait(false);
        if (person is null)
            return (Refuse(EnrollmentPart.Person, "enrollment.unknown_person"), null);
        var training = await db.Set<Training>().FirstOrDefaultAsync(t => t.Code == change.TrainingCode, cancellationToken).ConfigureAwait(false);
        if (training is null)
            return (Refuse(EnrollmentPart.Training, "enrollment.unknown_training", ("training", change.TrainingCode)), null);
        if (change.SessionId is { Length: > 0 } sessionId
            && !await db.Set<TrainingSession>().AnyAsync(s => s.Id == sessionId && s.TrainingCode == training.Code, cancellationToken).ConfigureAwait(false))
            return (Refuse(EnrollmentPart.Session, "enrollment.unknown_session", ("session", sessionId), ("training", training.Code)), null);

        var enrollment = db.Set<Enrollment>().Local.FirstOrDefault(e => e.PersonId == person.Id && e.TrainingCode == training.Code)
            ?? await db.Set<Enrollment>().FirstOrDefaultAsync(e => e.PersonId == person.Id && e.TrainingCode == training.Code, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        if (enrollment is null)
        {
            enrollment = new Enrollment { PersonId = person.Id, TrainingCode = training.Code, Status = EnrollmentStatus.Interest, CreatedAt = now };
            db.Add(enrollment);
        }
        if (EnrollmentTransitions.Problem(enrollment.Status, change.Status, texts) is { } refused)
            return (new EnrollmentRefusal(EnrollmentPart.Status, refused), null);
        if (change.SessionId is { Length: > 0 })
            enrollment.SessionId = change.SessionId;
        decimal? credited = null;
        if (enrollment.Status != change.Status)
        {
            enrollment.Status = change.Status;
            enrollment.UpdatedAt = now;
            PersonalData.Log(db, person.Id, "Pengelola", $"Status pelatihan {training.Code} diubah menjadi {EnrollmentTransitions.Name(change.Status)}", now);
            if (change.Status == EnrollmentStatus.Completed)
            {
                enrollment.CompletedAt = now;
                var learnedOn = DateOnly.FromDateTime(person.TimeZone.ToLocal(now).DateTime);
                var entry = await ledger.CreditAsync(
                    new LearningActivity(person.Id, training.Path, LearningSource.Training, training.Title, learnedOn, $"enrollment:{enrollment.Id}", training.Jp > 0 ? training.Jp : null),
                    cancellationToken).ConfigureAwait(false);
                credited = entry?.Jp;
            }
        }
        return (null, new EnrollmentView(enrollment.Id, person.Nip, training.Code, enrollment.SessionId, EnrollmentTransitions.Name(enrollment.Status), enrollment.CompletedAt, credited));
    }

    private EnrollmentRefusal Refuse(EnrollmentPart part, string key, params (string Name, object Value)[] values) =>
        new(part, texts.Format(key, values));
}
