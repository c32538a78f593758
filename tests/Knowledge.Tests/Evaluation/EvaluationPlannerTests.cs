using AsnBot.Knowledge.Catalog;
using AsnBot.Knowledge.Enrollments;
using AsnBot.Knowledge.Evaluation;
using AsnBot.Knowledge.Mentoring;
using AsnBot.Knowledge.Profiles;
using AsnBot.Knowledge.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Knowledge.Tests.Evaluation;

public sealed class EvaluationPlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);
    private static readonly TimeOnly Nine = new(9, 0);

    private static async Task<(TestDatabase Database, Person Participant, Person Mentor)> StartAsync(DateTimeOffset completedAt)
    {
        var database = await TestDatabase.CreateAsync();
        var participant = await database.AddPersonAsync(IndonesianTimeZone.WITA);
        var mentor = await database.AddPersonAsync();
        await using var db = database.Open();
        db.Add(new Training { Code = "PLT-910", Title = "Uji", Path = "KL03", Mode = TrainingMode.Klasikal });
        db.Add(new Enrollment { PersonId = participant.Id, TrainingCode = "PLT-910", Status = EnrollmentStatus.Completed, CreatedAt = completedAt, CompletedAt = completedAt });
        db.Add(new MentoringPair { MentorId = mentor.Id, MenteeId = participant.Id, Role = MentorRole.Supervisor, FirstSessionOn = new DateOnly(2027, 1, 1), CreatedAt = Now });
        await db.SaveChangesAsync();
        return (database, participant, mentor);
    }

    private static EvaluationPlanner Planner(int? checkIn = null) => new(
        new EvaluationSettings(new TrainingEvaluationTiming(90, checkIn), new Dictionary<string, TrainingEvaluationTiming>(), 3, 2),
        new QuestionBanks([new QuestionBank("PLT-910", [new BankQuestion("q1", "Apa?", ["a", "b", "c", "d"], "a")])]));

    [Fact]
    public async Task A_completion_owes_reaction_and_post_test_now_and_level_three_to_participant_and_supervisor_at_nine_local()
    {
        var (database, participant, mentor) = await StartAsync(Now);
        await using var _ = database;
        await using var db = database.Open();

        Assert.Equal(6, await Planner(checkIn: 30).OpenOwedRequestsAsync(db, Now, Nine, CancellationToken.None));
        Assert.Equal(0, await Planner(checkIn: 30).OpenOwedRequestsAsync(db, Now, Nine, CancellationToken.None));

        var owed = await db.Set<EvaluationRequest>().AsNoTracking().ToListAsync();
        var expected = new[]
        {
            (EvaluationLevel.Reaction, EvaluationRole.Participant, participant.Id, Now),
            (EvaluationLevel.PostTest, EvaluationRole.Participant, participant.Id, Now),
            (EvaluationLevel.BehaviourCheckIn, EvaluationRole.Participant, participant.Id, new DateTimeOffset(2026, 12, 31, 9, 0, 0, TimeSpan.FromHours(8))),
            (EvaluationLevel.BehaviourCheckIn, EvaluationRole.Mentor, mentor.Id, new DateTimeOffset(2026, 12, 31, 9, 0, 0, TimeSpan.FromHours(7))),
            (EvaluationLevel.Behaviour, EvaluationRole.Participant, participant.Id, new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.FromHours(8))),
            (EvaluationLevel.Behaviour, EvaluationRole.Mentor, mentor.Id, new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.FromHours(7))),
        };
        Assert.Equal(expected.OrderBy(e => e.Item1).ThenBy(e => e.Item2), owed.Select(r => (r.Level, r.Role, r.RecipientId, r.DueAt)).OrderBy(e => e.Level).ThenBy(e => e.Role));
    }

    [Fact]
    public async Task A_completion_recorded_weeks_late_gets_no_reaction_but_still_its_level_three()
    {
        var completedAt = Now.AddDays(-20);
        var (database, _, _) = await StartAsync(completedAt);
        await using var _2 = database;
        await using var db = database.Open();

        await Planner().OpenOwedRequestsAsync(db, Now, Nine, CancellationToken.None);

        var levels = await db.Set<EvaluationRequest>().AsNoTracking().Select(r => r.Level).ToListAsync();
        Assert.Equal([EvaluationLevel.Behaviour, EvaluationLevel.Behaviour], levels);
    }
}
