using AsnBot.Knowledge.Learning;
using AsnBot.Knowledge.LearningHours;
using AsnBot.Knowledge.Surveys;
using AsnBot.Knowledge.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AsnBot.Knowledge.Tests.Learning;

public sealed class DailyLearningTests
{
    private static readonly LearningModules Modules = LearningModules.Load(Path.Combine(RepoPaths.Dialogs, "micro-learning"));
    private static readonly JpConversionTable Conversion = JpConversionTable.Load(Path.Combine(RepoPaths.Data, "jp-conversion.yaml"));

    [Fact]
    public void A_wrong_answer_returns_after_1_3_and_7_days_and_a_wrong_return_starts_it_over()
    {
        var day = new DateOnly(2026, 12, 1);
        var repetition = new QuizRepetition { LessonId = "l", StepId = "q1" };
        SpacedRepetition.Start(repetition, day);
        var returns = new List<DateOnly>();
        while (!repetition.IsDone)
        {
            returns.Add(repetition.DueOn);
            SpacedRepetition.Answered(repetition, isCorrect: true, repetition.DueOn);
        }
        Assert.Equal([day.AddDays(1), day.AddDays(3), day.AddDays(7)], returns);

        SpacedRepetition.Start(repetition, day);
        SpacedRepetition.Answered(repetition, isCorrect: true, day.AddDays(1));
        SpacedRepetition.Answered(repetition, isCorrect: false, day.AddDays(3));
        Assert.Equal((day.AddDays(3), 0, day.AddDays(4)), (repetition.WrongOn, repetition.Round, repetition.DueOn));
    }

    [Fact]
    public void A_late_answer_never_leaves_the_next_return_in_the_past()
    {
        var day = new DateOnly(2026, 12, 1);
        var repetition = new QuizRepetition { LessonId = "l", StepId = "q1" };
        SpacedRepetition.Start(repetition, day);
        SpacedRepetition.Answered(repetition, isCorrect: true, day.AddDays(5)); // the person came back after five days
        Assert.Equal(day.AddDays(6), repetition.DueOn);
    }

    [Fact]
    public async Task The_suggested_module_is_the_one_covering_most_of_the_survey_gaps()
    {
        await using var database = await TestDatabase.CreateAsync();
        var person = await database.AddPersonAsync();
        await using var db = database.Open();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero));
        var learning = new DailyLearning(db, Modules, new LearningHoursLedger(db, Conversion, clock), clock);
        Assert.Null(await learning.SuggestAsync(person.Id, default));

        db.Add(new NeedsSurvey
        {
            PersonId = person.Id, JobLevel = "pelaksana", CompletedAt = clock.GetUtcNow(),
            Ratings =
            [
                new CompetencyRating { CompetencyCode = "M.5", CurrentLevel = 1, RequiredLevel = 1 },
                new CompetencyRating { CompetencyCode = "M.4", CurrentLevel = 1, RequiredLevel = 3 },
            ],
        });
        await db.SaveChangesAsync();
        Assert.Equal("manajemen-waktu", (await learning.SuggestAsync(person.Id, default))?.Id);
    }
}
