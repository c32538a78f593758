using System.Net.Http.Json;
using System.Text.Json;
using AsnBot.Bot.Tests.Delivery;
using AsnBot.Bot.Tests.Support;
using AsnBot.Knowledge.Enrollments;
using AsnBot.Knowledge.Evaluation;
using AsnBot.Knowledge.Mentoring;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Bot.Tests.Evaluation;

/// <summary>
/// One training from registration to the level-3 questionnaire 90 days after completion, on a
/// fake clock: a participant in Ambon (WIT) and their mentor in Medan (WIB).
/// </summary>
public sealed class EvaluationTimelineTests
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_training_is_evaluated_at_registration_at_completion_and_ninety_days_later_with_the_mentor_each_at_their_local_time()
    {
        await using var bot = new OutboxFixture(Utc(2026, 12, 1, 3)); // Tuesday 12:00 WIT, 10:00 WIB
        var participant = await bot.AddPersonAsync("peserta", zone: IndonesianTimeZone.WIT, province: "Maluku");
        var mentor = await bot.AddPersonAsync("mentor");
        await bot.App.QueryAsync(async db => await MentoringPairs.PairAsync(
            db, new PairingRequest(await bot.NipAsync(mentor), await bot.NipAsync(participant), 14), bot.Time.GetUtcNow(), CancellationToken.None));

        // Registered for PLT-021, which has a question bank: the pre-test goes out at once.
        var enrollment = await bot.EnrolAsync(participant, "PLT-021", EnrollmentStatus.Registered);
        Assert.Equal(1, await bot.RunDueWorkAsync("evaluations"));
        var pre = await bot.DeliverAsync("peserta");
        Assert.Contains(pre, t => t.Contains("Tes awal (pre-test)", StringComparison.Ordinal) && t.Contains("4 soal", StringComparison.Ordinal));
        Assert.Contains(pre, t => t.StartsWith("Soal 1 dari 4", StringComparison.Ordinal));
        foreach (var letter in new[] { "b", "c", "d" })
            await bot.SayAsync("peserta", letter);
        var preDone = await bot.SayAsync("peserta", "a");
        Assert.Contains(preDone.Replies, r => r.Text.Contains("2 dari 4 benar (nilai 50)", StringComparison.Ordinal));

        // Completed at 22:00 WIT: the reaction and the post-test wait for the end of quiet hours.
        bot.Time.SetUtcNow(Utc(2026, 12, 4, 13));
        await bot.CompleteAsync(enrollment, bot.Time.GetUtcNow());
        Assert.Equal(2, await bot.RunDueWorkAsync("evaluations"));
        Assert.Empty(await bot.DeliverAsync("peserta"));

        bot.Time.SetUtcNow(Utc(2026, 12, 4, 22)); // 07:00 WIT
        var reaction = await bot.DeliverAsync("peserta");
        Assert.Contains(reaction, t => t.Contains("Terima kasih sudah mengikuti Pelatihan Komunikasi Pelayanan Publik", StringComparison.Ordinal));
        Assert.Contains(reaction, t => t.Contains("(1/10) Fasilitator: penguasaan materi", StringComparison.Ordinal));
        var bad = await bot.SayAsync("peserta", "bagus sekali");
        Assert.Equal("Mohon jawab dengan angka 1 sampai 5, atau tekan salah satu tombol.", bad.Replies[0].Text);
        Assert.Contains("(1/10)", bad.Replies[1].Text, StringComparison.Ordinal);
        foreach (var score in new[] { "5", "4", "4", "3", "Sangat Baik", "4", "4", "3", "2" })
            await bot.SayAsync("peserta", score);
        await bot.SayAsync("peserta", "4");
        await bot.SayAsync("peserta", "Ada");
        var thanks = await bot.SayAsync("peserta", "Ruang kelas terlalu panas");
        Assert.Contains(thanks.Replies, r => r.Text.Contains("penilaian Anda untuk Pelatihan Komunikasi", StringComparison.Ordinal));
        // The post-test was waiting behind the reaction and opens right after it.
        Assert.Contains(thanks.Replies, r => r.Text.Contains("Tes akhir (post-test)", StringComparison.Ordinal));
        foreach (var letter in new[] { "b", "a", "b" })
            await bot.SayAsync("peserta", letter);
        var postDone = await bot.SayAsync("peserta", "c");
        Assert.Contains(postDone.Replies, r => r.Text.Contains("3 dari 4 benar (nilai 75)", StringComparison.Ordinal) && r.Text.Contains("+25 poin", StringComparison.Ordinal));

        // Nothing more until day 90 (answered questionnaires are not reminded).
        foreach (var day in new[] { Utc(2026, 12, 8, 0), Utc(2027, 1, 15, 2), Utc(2027, 3, 3, 23, 55) })
        {
            bot.Time.SetUtcNow(day);
            Assert.Equal(0, await bot.RunDueWorkAsync("evaluations"));
        }

        // Day 90 (4 March 2027) at 09:00 in each one's zone: the participant first, the mentor two hours later.
        bot.Time.SetUtcNow(Utc(2027, 3, 4, 0));
        Assert.Equal(1, await bot.RunDueWorkAsync("evaluations"));
        var behaviour = await bot.DeliverAsync("peserta");
        Assert.Contains(behaviour, t => t.Contains("Sudah 90 hari sejak Anda menyelesaikan", StringComparison.Ordinal));
        Assert.Contains(behaviour, t => t.Contains("Apakah Anda sudah menerapkan", StringComparison.Ordinal));
        foreach (var score in new[] { "4", "4", "3" })
            await bot.SayAsync("peserta", score);
        var notSeen = await bot.SayAsync("peserta", "Tidak Terlihat");
        Assert.Contains("Mau menceritakan", notSeen.Replies[^1].Text, StringComparison.Ordinal);
        await bot.SayAsync("peserta", "Tidak");

        bot.Time.SetUtcNow(Utc(2027, 3, 4, 2));
        Assert.Equal(1, await bot.RunDueWorkAsync("evaluations"));
        var toMentor = await bot.DeliverAsync("mentor");
        Assert.Contains(toMentor, t => t.Contains("Apakah Orang peserta sudah menerapkan", StringComparison.Ordinal));

        // The mentor does not answer: reminded twice, three days apart, then counted as not responded.
        foreach (var day in new[] { 7, 10, 13 })
        {
            bot.Time.SetUtcNow(Utc(2027, 3, day, 2));
            await bot.RunDueWorkAsync("evaluations");
        }
        Assert.Equal(0, await bot.RunDueWorkAsync("evaluations"));

        Assert.Equal(
            [
                new PlannedMessage("peserta", "ask evaluation-test", "2026-12-01 12:00 WIT"),
                new PlannedMessage("peserta", "ask evaluation-reaction", "2026-12-05 07:00 WIT"),
                new PlannedMessage("peserta", "ask evaluation-test", "2026-12-05 07:00 WIT"),
                new PlannedMessage("peserta", "ask evaluation-behaviour", "2027-03-04 09:00 WIT"),
                new PlannedMessage("mentor", "ask evaluation-behaviour", "2027-03-04 09:00 WIB"),
                new PlannedMessage("mentor", "reminder-1 evaluation-behaviour", "2027-03-07 09:00 WIB"),
                new PlannedMessage("mentor", "reminder-2 evaluation-behaviour", "2027-03-10 09:00 WIB"),
            ],
            await bot.PlannedAsync());

        var requests = await bot.App.QueryAsync(db => db.Set<EvaluationRequest>().AsNoTracking().ToListAsync());
        Assert.Equal(EvaluationStatus.NotResponded, requests.Single(r => r.Role == EvaluationRole.Mentor).Status);
        Assert.All(requests.Where(r => r.Role == EvaluationRole.Participant), r => Assert.Equal(EvaluationStatus.Answered, r.Status));
        var gain = await bot.App.QueryAsync(db => db.Set<LearningGain>().AsNoTracking().SingleAsync());
        Assert.Equal((50m, 75m, 25m), (gain.PreScore, gain.PostScore, gain.Gain));

        // The coordinator's view over HTTP.
        using var http = await bot.App.CreateSignedInClientAsync();
        var results = await http.GetFromJsonAsync<JsonElement>("/api/evaluations/PLT-021");
        var reactionResult = results.GetProperty("reaction");
        Assert.Equal(1m, reactionResult.GetProperty("responseRate").GetDecimal());
        var items = reactionResult.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("item").GetString()!, i => i.GetProperty("mean").GetDecimal());
        Assert.Equal(10, items.Count);
        Assert.Equal(5m, items["fasilitator.penguasaan-materi"]);
        Assert.Equal(5m, items["fasilitator.penggunaan-bahasa"]);
        Assert.Equal(2m, items["penyelenggara.sarana-prasarana"]);
        Assert.Equal(["Ruang kelas terlalu panas"], results.GetProperty("comments").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(25m, results.GetProperty("learning").GetProperty("meanGain").GetDecimal());
        var participants = results.GetProperty("behaviour").GetProperty("participants");
        var mentors = results.GetProperty("behaviour").GetProperty("mentors");
        Assert.Equal((1, 1m), (participants.GetProperty("answered").GetInt32(), participants.GetProperty("responseRate").GetDecimal()));
        Assert.Equal((1, 0m), (mentors.GetProperty("notResponded").GetInt32(), mentors.GetProperty("responseRate").GetDecimal()));
        var impact = participants.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("item").GetString() == "dampak-pelayanan");
        Assert.Equal(JsonValueKind.Null, impact.GetProperty("mean").ValueKind);
        Assert.Equal(1, impact.GetProperty("notObserved").GetInt32());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync("/api/evaluations/TIDAK-ADA")).StatusCode);
    }
}
