using System.Collections.Immutable;
using System.Globalization;
using AsnBot.Conversations.Dialogs;
using AsnBot.Knowledge.Learning;
using AsnBot.Knowledge.LearningHours;

namespace AsnBot.Learning;

/// <summary>
/// Micro-learning content checked like every dialog: each module's lessons exist, are short
/// (<see cref="MaxLessonLength"/> characters), end with one or two quiz questions that explain
/// their answer and record the lesson; every fifth lesson is a review; the module's JP path is in
/// the conversion table. Each quiz question also becomes a dialog of its own, asked again by
/// spaced repetition (<c>{lesson}.ulang.{step}</c>).
/// </summary>
public static class LessonDialogs
{
    public const int MaxLessonLength = 1200;
    public const string RecordLessonAction = "record-lesson";
    public const string RecordRepetitionAction = "record-repetition";
    private const string RepetitionMark = ".ulang.";

    public static string RepetitionId(string lessonId, string stepId) => lessonId + RepetitionMark + stepId;

    public static IReadOnlyList<DialogError> Validate(DialogSet dialogs, LearningModules modules, JpConversionTable conversion)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(modules);
        ArgumentNullException.ThrowIfNull(conversion);
        var errors = new List<DialogError>();
        foreach (var module in modules.All)
        {
            var file = $"micro-learning/{module.Id}/module.yaml";
            if (conversion.Find(module.PathCode) is null)
                errors.Add(new DialogError(file, 1, $"path '{module.PathCode}' is not in jp-conversion.yaml"));
            for (var i = 0; i < module.Lessons.Count; i++)
            {
                var id = module.Lessons[i];
                if (!dialogs.Contains(id))
                {
                    errors.Add(new DialogError(file, 1, $"lesson '{id}' has no dialog"));
                    continue;
                }
                errors.AddRange(CheckLesson(dialogs.Get(id), i + 1));
            }
        }
        return errors;
    }

    private static IEnumerable<DialogError> CheckLesson(Dialog lesson, int position)
    {
        var length = lesson.Steps.Where(s => s.Kind == StepKind.Message).Sum(s => s.Text?.Length ?? 0);
        if (length > MaxLessonLength)
            yield return new DialogError(lesson.File, lesson.First.Line, string.Create(CultureInfo.InvariantCulture, $"lesson text has {length} characters; keep it to {MaxLessonLength} (two minutes of reading)"));
        var quiz = lesson.Steps.Where(s => s.Kind == StepKind.Quiz).ToList();
        if (quiz.Count is < 1 or > 2)
            yield return new DialogError(lesson.File, lesson.First.Line, $"a lesson ends with one or two quiz questions, this one has {quiz.Count}");
        foreach (var question in quiz.Where(q => string.IsNullOrWhiteSpace(q.Explanation)))
            yield return new DialogError(lesson.File, question.Line, $"quiz '{question.Id}' needs an 'explanation'");
        if (!lesson.Steps.Any(s => s.Kind == StepKind.Action && s.Action == RecordLessonAction))
            yield return new DialogError(lesson.File, lesson.First.Line, $"a lesson needs an action step '{RecordLessonAction}' after its quiz");
        if (LearningModule.IsReviewDay(position) && !lesson.Title.StartsWith("Ulasan", StringComparison.Ordinal))
            yield return new DialogError(lesson.File, 1, string.Create(CultureInfo.InvariantCulture, $"lesson {position} of a module is a review day; its title starts with \"Ulasan\""));
    }

    /// <summary>The dialog set with one dialog per lesson question for spaced repetition.</summary>
    public static DialogSet WithRepetitions(DialogSet dialogs, LearningModules modules)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(modules);
        var added = dialogs.Dialogs.ToBuilder();
        foreach (var lessonId in modules.All.SelectMany(m => m.Lessons).Where(dialogs.Contains))
        {
            var lesson = dialogs.Get(lessonId);
            foreach (var question in lesson.Steps.Where(s => s.Kind == StepKind.Quiz))
            {
                var id = RepetitionId(lessonId, question.Id);
                added[id] = new Dialog(id, lesson.Title, lesson.File,
                [
                    new Step
                    {
                        Id = "intro", Kind = StepKind.Message, Line = question.Line,
                        Text = dialogs.Texts["learning.repetition_intro"].Replace("{lesson}", lesson.Title, StringComparison.Ordinal),
                    },
                    question with { Next = null, Options = [.. question.Options.Select(o => o with { Next = null, Then = null })] },
                    new Step
                    {
                        Id = "record", Kind = StepKind.Action, Line = question.Line, Action = RecordRepetitionAction,
                        Args = ImmutableDictionary<string, string>.Empty.Add("lesson", lessonId).Add("step", question.Id).Add("answer", question.AnswerKey),
                    },
                    new Step { Id = "done", Kind = StepKind.End, Line = question.Line },
                ]);
            }
        }
        return dialogs with { Dialogs = added.ToImmutable() };
    }
}
