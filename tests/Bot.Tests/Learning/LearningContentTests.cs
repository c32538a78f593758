using System.Collections.Immutable;
using AsnBot.Bot.Tests.Delivery;
using AsnBot.Conversations.Dialogs;
using AsnBot.Knowledge.Learning;
using AsnBot.Knowledge.LearningHours;
using AsnBot.Learning;
using AsnBot.Scheduler.DueWork;
using AsnBot.Scheduler.Learning;
using Microsoft.Extensions.DependencyInjection;

namespace AsnBot.Bot.Tests.Learning;

public sealed class LearningContentTests
{
    private static readonly LearningModules Modules = LearningModules.Load(Path.Combine(RepoPaths.Dialogs, "micro-learning"));
    private static readonly JpConversionTable Conversion = JpConversionTable.Load(Path.Combine(RepoPaths.Data, "jp-conversion.yaml"));

    private static DialogSet Shipped()
    {
        var loader = new DialogLoader();
        var (dialogs, texts) = loader.LoadFolder(RepoPaths.Dialogs);
        Assert.Empty(loader.Errors);
        return new DialogSet(dialogs.ToDictionary(d => d.Id).ToImmutableDictionary(), texts!);
    }

    [Fact]
    public void Six_modules_of_five_to_seven_short_lessons_each_end_with_one_or_two_explained_quiz_questions()
    {
        Assert.True(Modules.All.Count >= 6);
        Assert.All(Modules.All, m => Assert.InRange(m.Lessons.Count, 5, 7));
        Assert.All(Modules.All, m => Assert.Equal("MIKRO", m.PathCode));
        Assert.Empty(LessonDialogs.Validate(Shipped(), Modules, Conversion));
    }

    [Fact]
    public void A_lesson_that_is_too_long_or_has_no_explanation_is_reported_with_its_file()
    {
        var loader = new DialogLoader();
        var (dialog, _) = loader.Load("micro-learning/x/01.yaml", $$"""
            id: ml-x-01
            title: Terlalu panjang
            steps:
              - { id: lesson, kind: message, text: "{{new string('a', 1300)}}" }
              - { id: q1, kind: quiz, text: "?", options: [{ label: A, value: a }], correct: a }
              - { id: record, kind: action, action: record-lesson }
            """);
        var set = new DialogSet(System.Collections.Immutable.ImmutableDictionary<string, Dialog>.Empty.Add(dialog!.Id, dialog), Shipped().Texts);
        var modules = new LearningModules([new LearningModule("x", "X", "", [], "MIKRO", ["ml-x-01", "ml-x-02"])]);
        var problems = LessonDialogs.Validate(set, modules, Conversion).Select(e => e.ToString()).ToList();
        Assert.Contains(problems, p => p.Contains("1300 characters", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("quiz 'q1' needs an 'explanation'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("lesson 'ml-x-02' has no dialog", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_quiz_question_can_be_asked_again_on_its_own()
    {
        var set = LessonDialogs.WithRepetitions(Shipped(), Modules);
        var repetition = set.Get(LessonDialogs.RepetitionId("ml-manajemen-waktu-01", "q1"));
        Assert.Equal([StepKind.Message, StepKind.Quiz, StepKind.Action, StepKind.End], repetition.Steps.Select(s => s.Kind));
        Assert.Contains("Matriks Eisenhower", repetition.First.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_question_of_a_lesson_removed_from_the_content_is_retired_instead_of_failing_the_day()
    {
        await using var bot = new OutboxFixture();
        var kit = new LearningTestKit(bot);
        var person = await kit.AddPersonAsync("ambon", Knowledge.Profiles.IndonesianTimeZone.WIT, 7, "Maluku");
        await bot.App.QueryAsync(db =>
        {
            db.Add(new QuizRepetition { PersonId = person, LessonId = "ml-dihapus-01", StepId = "q1", WrongOn = new DateOnly(2026, 11, 30), DueOn = new DateOnly(2026, 12, 1) });
            return db.SaveChangesAsync();
        });
        Assert.Equal(1, await kit.RunDailyLessonsAsync());
        Assert.Equal("", await kit.DispatchAndReadAsync("ambon"));
        Assert.True(await bot.App.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Set<QuizRepetition>())).ContinueWith(t => t.Result.IsDone, TaskScheduler.Default));
        Assert.Equal(0, await kit.RunDailyLessonsAsync());
    }

    [Fact]
    public async Task The_due_work_job_runs_the_daily_lessons_and_the_JP_reminders()
    {
        await using var bot = new OutboxFixture();
        var work = bot.App.Services.GetServices<IDueWork>().ToList();
        Assert.Contains(work, w => w is DailyLessons);
        Assert.Contains(work, w => w is LearningHoursReminders);
    }
}
