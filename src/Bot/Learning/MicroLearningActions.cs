using System.Collections.Immutable;
using System.Globalization;
using AsnBot.Conversations.Actions;
using AsnBot.Conversations.Engine;
using AsnBot.Knowledge.Learning;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Learning;

/// <summary>
/// The "📚 Belajar harian" screen: the module in progress (<c>learning.active</c>, <c>learning.progress</c>),
/// the person's lesson hour, and the module their needs survey suggests (<c>learning.suggested</c>).
/// </summary>
public sealed class ShowLearningAction(DailyLearning learning, LearningModules modules) : IDialogAction
{
    public string Name => "show-learning";

    public async Task<ActionOutcome> RunAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.PersonId is not { } personId)
            return new ActionOutcome { Next = context.Arg("when_unregistered") };
        var person = await context.Db.Set<Person>().AsNoTracking().FirstAsync(p => p.Id == personId, cancellationToken);
        var active = await learning.ActiveAsync(personId, cancellationToken);
        var suggested = await learning.SuggestAsync(personId, cancellationToken);
        var module = active is null ? null : modules.Find(active.ModuleId);
        var answers = ImmutableDictionary<string, string>.Empty
            .Add("learning.hour", LessonTime(person))
            .Add("learning.has_active", module is null ? "tidak" : "ya")
            .Add("learning.active", module?.Title ?? "-")
            .Add("learning.progress", module is null ? "-" : string.Create(CultureInfo.InvariantCulture, $"{active!.LessonsDone} dari {module.Lessons.Count}"))
            .Add("learning.has_suggestion", suggested is null ? "tidak" : "ya")
            .Add("learning.suggested", suggested?.Title ?? "-")
            .Add("learning.suggested_id", suggested?.Id ?? "-");
        return new ActionOutcome { Answers = answers };
    }

    internal static string LessonTime(Person person) =>
        string.Create(CultureInfo.InvariantCulture, $"{Math.Clamp(person.LessonHour, 0, 23):00}.00 {person.TimeZone}");
}

/// <summary>
/// Enrols the person in the module chosen (answer <c>args.answer</c>; "saran" takes the suggested one)
/// and opens its next lesson at once: the first day need not wait for tomorrow.
/// </summary>
public sealed class EnrollModuleAction(DailyLearning learning, LearningModules modules) : IDialogAction
{
    public string Name => "enroll-module";

    public async Task<ActionOutcome> RunAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.PersonId is not { } personId)
            return new ActionOutcome { Next = context.Arg("when_unregistered") };
        var chosen = context.Answer(context.Arg("answer"));
        if (chosen == "saran")
            chosen = context.Answer("learning.suggested_id");
        if (modules.Find(chosen) is not { } module)
            return new ActionOutcome { Next = context.Arg("when_unknown") };
        await learning.EnrollAsync(personId, module.Id, cancellationToken);
        var person = await context.Db.Set<Person>().AsNoTracking().FirstAsync(p => p.Id == personId, cancellationToken);
        var enrolled = new Reply(TextTemplate.Fill(context.Arg("enrolled"), ImmutableDictionary<string, string>.Empty
            .Add("module", module.Title)
            .Add("lessons", module.Lessons.Count.ToString(CultureInfo.InvariantCulture))
            .Add("hour", ShowLearningAction.LessonTime(person))));
        var next = await learning.NextAsync(personId, anotherLesson: true, cancellationToken);
        return NextLearningStepAction.Open(next, context, enrolled);
    }
}

/// <summary>
/// What daily learning brings now, opened as its own dialog: a question due again, then the next
/// lesson (once a day, or at once with <c>args.another: "true"</c> for "Lanjut"). Otherwise goes
/// to <c>when_done_today</c>, <c>when_finished</c> or <c>when_not_enrolled</c>.
/// </summary>
public sealed class NextLearningStepAction(DailyLearning learning) : IDialogAction
{
    public string Name => "learning-next";

    public async Task<ActionOutcome> RunAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.PersonId is not { } personId)
            return new ActionOutcome { Next = context.Arg("when_not_enrolled") };
        var another = context.Arg("another") == "true";
        var next = await learning.NextAsync(personId, another, cancellationToken);
        // Content edited since: a question of a lesson that is gone is retired rather than failing the day.
        while (next is LearningStep.Repetition gone && !context.Dialogs.Contains(LessonDialogs.RepetitionId(gone.LessonId, gone.StepId)))
        {
            await learning.RetireRepetitionAsync(personId, gone.LessonId, gone.StepId, cancellationToken);
            next = await learning.NextAsync(personId, another, cancellationToken);
        }
        return Open(next, context);
    }

    internal static ActionOutcome Open(LearningStep next, ActionContext context, params Reply[] before)
    {
        var texts = context.Dialogs.Texts;
        return next switch
        {
            LearningStep.Repetition r => new ActionOutcome { Replies = [.. before], StartDialog = LessonDialogs.RepetitionId(r.LessonId, r.StepId) },
            LearningStep.Lesson l => new ActionOutcome { Replies = [.. before, Heading(l, texts)], StartDialog = l.LessonId },
            LearningStep.DoneForToday => new ActionOutcome { Replies = [.. before], Next = context.Arg("when_done_today") },
            LearningStep.ModuleFinished => new ActionOutcome { Replies = [.. before], Next = context.Arg("when_finished") },
            _ => new ActionOutcome { Replies = [.. before], Next = context.Arg("when_not_enrolled") },
        };
    }

    /// <summary>"Materi 3"; on every fifth lesson also that today is a review day.</summary>
    private static Reply Heading(LearningStep.Lesson lesson, Conversations.Dialogs.EngineTexts texts)
    {
        var heading = texts["learning.lesson_heading"].Replace("{position}", lesson.Position.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return new Reply(lesson.IsReview ? heading + "\n" + texts["learning.review_day"] : heading);
    }
}

/// <summary>
/// At the end of a lesson dialog: records it with its quiz answers (<c>{step}:correct</c>), puts wrong
/// answers into spaced repetition and credits micro-learning JP. Says how many JP were added and
/// congratulates on a finished module.
/// </summary>
public sealed class RecordLessonAction(DailyLearning learning) : IDialogAction
{
    public string Name => LessonDialogs.RecordLessonAction;

    public async Task<ActionOutcome> RunAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.PersonId is not { } personId)
            return ActionOutcome.Continue;
        var lesson = context.Dialogs.Get(context.Request.DialogId);
        var answers = lesson.Steps
            .Where(s => s.Kind == Conversations.Dialogs.StepKind.Quiz && context.Request.Answers.ContainsKey(s.AnswerKey + ":correct"))
            .Select(s => new QuizAnswer(s.Id, context.Answer(s.AnswerKey + ":correct") == "true"))
            .ToList();
        var recorded = await learning.RecordLessonAsync(personId, lesson.Id, lesson.Title, answers, cancellationToken);
        var replies = ImmutableList.CreateBuilder<Reply>();
        var texts = context.Dialogs.Texts;
        if (recorded?.Credited is { } entry)
            replies.Add(new Reply(texts["learning.jp_credited"].Replace("{jp}", ShowLearningHoursAction.Jp(entry.Jp), StringComparison.Ordinal)));
        if (recorded is { IsModuleCompleted: true })
            replies.Add(new Reply(texts["learning.module_completed"].Replace("{module}", recorded.Module.Title, StringComparison.Ordinal)));
        return new ActionOutcome { Replies = replies.ToImmutable() };
    }
}

/// <summary>After a question asked again: records the answer and goes on with what else today brings.</summary>
public sealed class RecordRepetitionAction(DailyLearning learning) : IDialogAction
{
    public const string DailyDialog = "learning-daily";

    public string Name => LessonDialogs.RecordRepetitionAction;

    public async Task<ActionOutcome> RunAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.PersonId is not { } personId)
            return ActionOutcome.Continue;
        var isCorrect = context.Answer(context.Arg("answer") + ":correct") == "true";
        await learning.RecordRepetitionAsync(personId, context.Arg("lesson"), context.Arg("step"), isCorrect, cancellationToken);
        return new ActionOutcome { StartDialog = DailyDialog };
    }
}
