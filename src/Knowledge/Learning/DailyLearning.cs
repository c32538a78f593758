using AsnBot.Knowledge.LearningHours;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Knowledge.Learning;

/// <summary>What a person's daily learning brings next.</summary>
public abstract record LearningStep
{
    /// <summary>A question answered wrong earlier, asked again.</summary>
    public sealed record Repetition(string LessonId, string StepId) : LearningStep;

    /// <summary>The next lesson of the active module (every fifth one a review).</summary>
    public sealed record Lesson(string LessonId, string ModuleId, int Position, bool IsReview) : LearningStep;

    /// <summary>Today's lesson was already given; the next one comes tomorrow (or now, with Lanjut).</summary>
    public sealed record DoneForToday(string ModuleId) : LearningStep;

    /// <summary>Every lesson of the module is done.</summary>
    public sealed record ModuleFinished(string ModuleId) : LearningStep;

    public sealed record NotEnrolled : LearningStep;
}

/// <summary>A lesson's quiz answers as the person gave them.</summary>
public sealed record QuizAnswer(string StepId, bool IsCorrect);

public sealed record LessonRecorded(LearningModule Module, bool IsModuleCompleted, LearningHoursEntry? Credited);

/// <summary>
/// Micro-learning progress: enrolling in a module, choosing what today brings (questions due
/// again first, then at most one new lesson a day unless the person asks for more), recording
/// lessons and repetitions, crediting JP. Writes join the caller's unit of work (a dialog turn).
/// A missed day is simply the same lesson again: nothing piles up and nothing is counted against anyone.
/// </summary>
public sealed class DailyLearning(AsnBotDbContext db, LearningModules modules, LearningHoursLedger ledger, TimeProvider time)
{
    public async Task<ModuleEnrollment> EnrollAsync(Guid personId, string moduleId, CancellationToken cancellationToken)
    {
        var module = modules.Find(moduleId) ?? throw new ArgumentException($"No learning module '{moduleId}'.", nameof(moduleId));
        var mine = await db.Set<ModuleEnrollment>().Where(e => e.PersonId == personId).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var other in mine.Where(e => e.Status == ModuleEnrollmentStatus.Active && e.ModuleId != module.Id))
            other.Status = ModuleEnrollmentStatus.Paused;
        var enrollment = mine.FirstOrDefault(e => e.ModuleId == module.Id);
        if (enrollment is null)
        {
            enrollment = new ModuleEnrollment { PersonId = personId, ModuleId = module.Id, EnrolledAt = time.GetUtcNow() };
            db.Add(enrollment);
        }
        else if (enrollment.Status == ModuleEnrollmentStatus.Completed)
        {
            // Taking a finished module again starts it over; the earlier JP stay as they were.
            enrollment.LessonsDone = 0;
        }
        enrollment.Status = ModuleEnrollmentStatus.Active;
        // Saved within the caller's transaction, so the lesson chosen next sees the new enrollment.
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return enrollment;
    }

    public Task<ModuleEnrollment?> ActiveAsync(Guid personId, CancellationToken cancellationToken) =>
        db.Set<ModuleEnrollment>().FirstOrDefaultAsync(e => e.PersonId == personId && e.Status == ModuleEnrollmentStatus.Active, cancellationToken);

    /// <summary>
    /// What comes next. The daily delivery asks with <paramref name="anotherLesson"/> false: questions
    /// due again, then today's lesson once. "Lanjut" asks with true: straight to the next lesson.
    /// </summary>
    public async Task<LearningStep> NextAsync(Guid personId, bool anotherLesson, CancellationToken cancellationToken)
    {
        var today = await TodayAsync(personId, cancellationToken).ConfigureAwait(false);
        if (!anotherLesson)
        {
            var repetition = await db.Set<QuizRepetition>()
                .Where(r => r.PersonId == personId && !r.IsDone && r.DueOn <= today && (r.LastAskedOn == null || r.LastAskedOn < today))
                .OrderBy(r => r.DueOn).ThenBy(r => r.Id)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (repetition is not null)
                return new LearningStep.Repetition(repetition.LessonId, repetition.StepId);
        }
        var enrollment = await ActiveAsync(personId, cancellationToken).ConfigureAwait(false);
        if (enrollment is null || modules.Find(enrollment.ModuleId) is not { } module)
            return new LearningStep.NotEnrolled();
        if (enrollment.LessonsDone >= module.Lessons.Count)
            return new LearningStep.ModuleFinished(module.Id);
        if (!anotherLesson && enrollment.LastLessonOn == today)
            return new LearningStep.DoneForToday(module.Id);
        enrollment.LastLessonOn = today;
        var position = enrollment.LessonsDone + 1;
        return new LearningStep.Lesson(module.Lessons[enrollment.LessonsDone], module.Id, position, LearningModule.IsReviewDay(position));
    }

    /// <summary>
    /// A lesson's end: its result, the wrong answers into spaced repetition, the module's progress,
    /// and micro-learning JP by the module's path (its daily cap applies). Reading a lesson again
    /// changes nothing.
    /// </summary>
    public async Task<LessonRecorded?> RecordLessonAsync(Guid personId, string lessonId, string lessonTitle, IReadOnlyList<QuizAnswer> answers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (modules.OfLesson(lessonId) is not { } place)
            return null;
        var (module, index) = place;
        var today = await TodayAsync(personId, cancellationToken).ConfigureAwait(false);
        var enrollment = await db.Set<ModuleEnrollment>()
            .FirstOrDefaultAsync(e => e.PersonId == personId && e.ModuleId == module.Id, cancellationToken).ConfigureAwait(false);
        var completed = false;
        if (enrollment is not null && enrollment.LessonsDone == index)
        {
            enrollment.LessonsDone++;
            if (enrollment.LessonsDone >= module.Lessons.Count && enrollment.Status != ModuleEnrollmentStatus.Completed)
            {
                enrollment.Status = ModuleEnrollmentStatus.Completed;
                enrollment.CompletedAt = time.GetUtcNow();
                completed = true;
            }
        }

        if (await db.Set<LessonResult>().AnyAsync(r => r.PersonId == personId && r.LessonId == lessonId, cancellationToken).ConfigureAwait(false))
            return new LessonRecorded(module, completed, null);
        db.Add(new LessonResult
        {
            PersonId = personId, ModuleId = module.Id, LessonId = lessonId, CompletedOn = today, CompletedAt = time.GetUtcNow(),
            Questions = answers.Count, Correct = answers.Count(a => a.IsCorrect),
        });
        foreach (var wrong in answers.Where(a => !a.IsCorrect))
            await RepeatLaterAsync(personId, lessonId, wrong.StepId, today, cancellationToken).ConfigureAwait(false);
        var credited = await ledger.CreditAsync(
            new LearningActivity(personId, module.PathCode, LearningSource.MicroLearning, $"{module.Title}: {lessonTitle}", today, $"lesson:{lessonId}"),
            cancellationToken).ConfigureAwait(false);
        return new LessonRecorded(module, completed, credited);
    }

    /// <summary>A question asked again: right moves it to its next return, wrong starts it over.</summary>
    public async Task RecordRepetitionAsync(Guid personId, string lessonId, string stepId, bool isCorrect, CancellationToken cancellationToken)
    {
        var today = await TodayAsync(personId, cancellationToken).ConfigureAwait(false);
        var repetition = await db.Set<QuizRepetition>()
            .FirstOrDefaultAsync(r => r.PersonId == personId && r.LessonId == lessonId && r.StepId == stepId, cancellationToken).ConfigureAwait(false);
        if (repetition is not null && !repetition.IsDone)
        {
            SpacedRepetition.Answered(repetition, isCorrect, today);
            // Saved within the caller's transaction: what today brings next is chosen right after, from the database.
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A question whose lesson is no longer in the content is not asked again.</summary>
    public async Task RetireRepetitionAsync(Guid personId, string lessonId, string stepId, CancellationToken cancellationToken)
    {
        await db.Set<QuizRepetition>()
            .Where(r => r.PersonId == personId && r.LessonId == lessonId && r.StepId == stepId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.IsDone, true), cancellationToken).ConfigureAwait(false);
    }

    private async Task RepeatLaterAsync(Guid personId, string lessonId, string stepId, DateOnly today, CancellationToken cancellationToken)
    {
        var repetition = await db.Set<QuizRepetition>()
            .FirstOrDefaultAsync(r => r.PersonId == personId && r.LessonId == lessonId && r.StepId == stepId, cancellationToken).ConfigureAwait(false);
        if (repetition is null)
        {
            repetition = new QuizRepetition { PersonId = personId, LessonId = lessonId, StepId = stepId };
            db.Add(repetition);
        }
        SpacedRepetition.Start(repetition, today);
    }

    /// <summary>
    /// The module that serves the person's latest needs survey best: the most competency gap its
    /// competencies cover, not yet finished. Null without a survey or a match.
    /// </summary>
    public async Task<LearningModule?> SuggestAsync(Guid personId, CancellationToken cancellationToken)
    {
        var survey = await Surveys.NeedsSurveys.LatestAsync(db, personId, cancellationToken).ConfigureAwait(false);
        if (survey is null)
            return null;
        var gaps = survey.Ratings.Where(r => r.Gap > 0).ToDictionary(r => r.CompetencyCode, r => r.Gap, StringComparer.OrdinalIgnoreCase);
        var finished = await db.Set<ModuleEnrollment>()
            .Where(e => e.PersonId == personId && e.Status == ModuleEnrollmentStatus.Completed)
            .Select(e => e.ModuleId).ToListAsync(cancellationToken).ConfigureAwait(false);
        return modules.All
            .Where(m => !finished.Contains(m.Id))
            .Select(m => (Module: m, Score: m.Competencies.Sum(c => gaps.GetValueOrDefault(c))))
            .Where(s => s.Score > 0)
            .OrderByDescending(s => s.Score).ThenBy(s => s.Module.Title, StringComparer.Ordinal)
            .Select(s => s.Module)
            .FirstOrDefault();
    }

    /// <summary>The person's local date now.</summary>
    public async Task<DateOnly> TodayAsync(Guid personId, CancellationToken cancellationToken)
    {
        var zone = await db.Set<Person>().Where(p => p.Id == personId).Select(p => (IndonesianTimeZone?)p.TimeZone)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? IndonesianTimeZone.WIB;
        return DateOnly.FromDateTime(zone.ToLocal(time.GetUtcNow()).DateTime);
    }
}
