using AsnBot.Knowledge.Catalog;
using AsnBot.Knowledge.Enrollments;
using AsnBot.Knowledge.Evaluation;
using AsnBot.Knowledge.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Knowledge.Tests.Evaluation;

public sealed class EvaluationResultsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);

    private static EvaluationRequest Request(EvaluationLevel level, EvaluationRole role, EvaluationStatus status, bool asked = true, decimal? score = null) => new()
    {
        TrainingCode = "PLT-021", Level = level, Role = role, Status = status, AskedAt = asked ? Now : null, Score = score, DueAt = Now, CreatedAt = Now,
    };

    private static IEnumerable<EvaluationAnswer> Scores(EvaluationRequest request, params (string Item, int Score)[] scores) =>
        scores.Select(s => new EvaluationAnswer { RequestId = request.Id, Item = s.Item, Score = s.Score });

    [Fact]
    public void Means_are_per_item_over_answered_questionnaires_and_the_response_rate_is_answered_over_asked()
    {
        var a = Request(EvaluationLevel.Reaction, EvaluationRole.Participant, EvaluationStatus.Answered);
        var b = Request(EvaluationLevel.Reaction, EvaluationRole.Participant, EvaluationStatus.Answered);
        var c = Request(EvaluationLevel.Reaction, EvaluationRole.Participant, EvaluationStatus.NotResponded);
        var d = Request(EvaluationLevel.Reaction, EvaluationRole.Participant, EvaluationStatus.Open, asked: false);
        var answers = Scores(a, ("fasilitator.metode", 5), ("penyelenggara.jadwal", 2))
            .Concat(Scores(b, ("fasilitator.metode", 4), ("penyelenggara.jadwal", 3)))
            .Append(new EvaluationAnswer { RequestId = b.Id, Item = EvaluationRecorder.CommentItem, Text = "Waktu praktik kurang" })
            .ToList();

        var results = EvaluationResults.Aggregate("PLT-021", "Pelatihan", [a, b, c, d], answers, []);

        Assert.Equal((3, 2, 1), (results.Reaction.Asked, results.Reaction.Answered, results.Reaction.NotResponded));
        Assert.Equal(0.6667m, results.Reaction.ResponseRate);
        Assert.Equal(
            [new ItemResult("fasilitator.metode", 4.5m, 2, 0), new ItemResult("penyelenggara.jadwal", 2.5m, 2, 0)],
            results.Reaction.Items);
        Assert.Equal(["Waktu praktik kurang"], results.Comments);
        Assert.Null(results.Behaviour.Participants.ResponseRate);
    }

    [Fact]
    public void Behaviour_keeps_participants_and_mentors_apart_and_leaves_not_observed_out_of_the_mean()
    {
        var self = Request(EvaluationLevel.Behaviour, EvaluationRole.Participant, EvaluationStatus.Answered);
        var mentor = Request(EvaluationLevel.Behaviour, EvaluationRole.Mentor, EvaluationStatus.Answered);
        var silent = Request(EvaluationLevel.Behaviour, EvaluationRole.Mentor, EvaluationStatus.NotResponded);
        var answers = Scores(self, ("menerapkan", 5), ("berbagi", 4))
            .Concat(Scores(mentor, ("menerapkan", 3), ("berbagi", 0)))
            .ToList();

        var results = EvaluationResults.Aggregate("PLT-021", "Pelatihan", [self, mentor, silent], answers, []);

        Assert.Equal([new ItemResult("berbagi", 4m, 1, 0), new ItemResult("menerapkan", 5m, 1, 0)], results.Behaviour.Participants.Items);
        Assert.Equal([new ItemResult("berbagi", null, 0, 1), new ItemResult("menerapkan", 3m, 1, 0)], results.Behaviour.Mentors.Items);
        Assert.Equal((1m, 0.5m), (results.Behaviour.Participants.ResponseRate!.Value, results.Behaviour.Mentors.ResponseRate!.Value));
    }

    [Fact]
    public void Learning_shows_mean_pre_and_post_scores_and_the_mean_gain_of_those_who_took_both()
    {
        var requests = new[]
        {
            Request(EvaluationLevel.PreTest, EvaluationRole.Participant, EvaluationStatus.Answered, score: 40m),
            Request(EvaluationLevel.PreTest, EvaluationRole.Participant, EvaluationStatus.Answered, score: 60m),
            Request(EvaluationLevel.PreTest, EvaluationRole.Participant, EvaluationStatus.Answered, score: 50m),
            Request(EvaluationLevel.PostTest, EvaluationRole.Participant, EvaluationStatus.Answered, score: 80m),
            Request(EvaluationLevel.PostTest, EvaluationRole.Participant, EvaluationStatus.Answered, score: 70m),
        };
        LearningGain Gain(decimal pre, decimal post) => new() { TrainingCode = "PLT-021", PreScore = pre, PostScore = post, Gain = post - pre };

        var results = EvaluationResults.Aggregate("PLT-021", "Pelatihan", requests, [], [Gain(40m, 80m), Gain(60m, 70m)]);

        Assert.Equal(new LearningResult(3, 2, 2, 50m, 75m, 25m), results.Learning);
    }

    [Fact]
    public async Task The_post_test_stores_the_gain_over_the_pre_test_of_the_same_enrollment()
    {
        await using var database = await TestDatabase.CreateAsync();
        var person = await database.AddPersonAsync();
        var bank = new QuestionBank("PLT-900", [
            new BankQuestion("q1", "Satu?", ["a", "b", "c", "d"], "a"),
            new BankQuestion("q2", "Dua?", ["a", "b", "c", "d"], "b"),
            new BankQuestion("q3", "Tiga?", ["a", "b", "c", "d"], "c"),
        ]);
        var enrollment = new Enrollment { PersonId = person.Id, TrainingCode = "PLT-900", Status = EnrollmentStatus.Completed, CreatedAt = Now };
        var pre = Request(EvaluationLevel.PreTest, EvaluationRole.Participant, EvaluationStatus.Open);
        var post = Request(EvaluationLevel.PostTest, EvaluationRole.Participant, EvaluationStatus.Open);
        foreach (var request in new[] { pre, post })
        {
            request.TrainingCode = "PLT-900";
            request.EnrollmentId = enrollment.Id;
            request.RecipientId = request.ParticipantId = person.Id;
        }
        await using (var db = database.Open())
        {
            db.Add(new Training { Code = "PLT-900", Title = "Pelatihan Uji", Path = "KL03", Mode = TrainingMode.Klasikal });
            db.AddRange(enrollment, pre, post);
            await db.SaveChangesAsync();
        }

        await using (var db = database.Open())
        {
            var first = await EvaluationRecorder.RecordTestAsync(db, pre.Id, person.Id, bank, new Dictionary<string, string> { ["q1"] = "a", ["q2"] = "c" }, Now, CancellationToken.None);
            await db.SaveChangesAsync();
            Assert.Equal(new TestOutcome(EvaluationLevel.PreTest, 1, 3, 33.33m, null), first);
        }
        await using (var db = database.Open())
        {
            var second = await EvaluationRecorder.RecordTestAsync(db, post.Id, person.Id, bank, new Dictionary<string, string> { ["q1"] = "a", ["q2"] = "b", ["q3"] = "c" }, Now, CancellationToken.None);
            await db.SaveChangesAsync();
            Assert.Equal(new TestOutcome(EvaluationLevel.PostTest, 3, 3, 100m, 66.67m), second);
            Assert.Null(await EvaluationRecorder.RecordTestAsync(db, post.Id, person.Id, bank, new Dictionary<string, string>(), Now, CancellationToken.None));
        }
        await using (var db = database.Open())
        {
            var gain = await db.Set<LearningGain>().SingleAsync();
            Assert.Equal((33.33m, 100m, 66.67m), (gain.PreScore, gain.PostScore, gain.Gain));
            Assert.Equal(6, await db.Set<EvaluationAnswer>().CountAsync());
        }
    }

    [Fact]
    public void The_shipped_question_banks_load_and_belong_to_catalog_trainings()
    {
        var banks = QuestionBanks.Load(Path.Combine(RepoPaths.Data, "question-banks"));
        Assert.True(banks.TrainingCodes.Count >= 2);
        var catalog = File.ReadAllText(Path.Combine(RepoPaths.Data, "catalog.yaml"));
        Assert.All(banks.TrainingCodes, code => Assert.Contains($"code: {code}", catalog, StringComparison.Ordinal));
        Assert.All(banks.TrainingCodes, code => Assert.All(banks.Find(code)!.Questions, q => Assert.Equal(4, q.Options.Count)));
    }
}
