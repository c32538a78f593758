using System.Net;
using System.Net.Http.Json;
using AsnBot.Bot.Tests.Delivery;
using AsnBot.Bot.Tests.Evaluation;
using AsnBot.Bot.Tests.Support;
using AsnBot.Knowledge.Evaluation;
using AsnBot.Knowledge.Learning;
using AsnBot.Knowledge.LearningHours;
using AsnBot.Knowledge.Mentoring;
using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Profiles;
using AsnBot.Scheduler.DueWork;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsnBot.Bot.Tests.Learning;

/// <summary>
/// The whole learning cycle of one civil servant in Ambon (WIT) and their mentor in Medan (WIB)
/// over 120 days on a fake clock, from 10 August 2026: a micro-learning module, a catalog training
/// moved by a coordinator over HTTP, its level-1 and level-3 questionnaires, a 14-day mentoring
/// rhythm and the JP reminders of October and November. The clock moves an hour at a time; each
/// hour the due-work job runs and the dispatcher sends what is due, as in production.
/// </summary>
public sealed class LearningCycleTimelineTests
{
    private static readonly DateTimeOffset Start = new(2026, 8, 10, 1, 0, 0, TimeSpan.Zero); // Monday 10:00 WIT, 08:00 WIB
    private static readonly DateTimeOffset End = Start.AddDays(120);

    private static DateTimeOffset Wit(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(9));

    private static DateTimeOffset Wib(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task Over_120_days_every_message_of_the_learning_cycle_reaches_the_participant_and_the_mentor_at_their_local_time()
    {
        await using var bot = new OutboxFixture(Start);
        var kit = new LearningTestKit(bot);
        // Lessons at 06.00 fall in quiet hours (21.00-07.00): they come at 07.00.
        var peserta = await kit.AddPersonAsync("peserta", IndonesianTimeZone.WIT, 6, "Maluku");
        var mentor = await kit.AddPersonAsync("mentor", IndonesianTimeZone.WIB, 20, "Sumatera Utara");
        var nip = await bot.NipAsync(peserta);
        var job = ActivatorUtilities.CreateInstance<DueWorkJob>(bot.App.Services);
        var delivered = new List<(string To, DateTimeOffset At, string Text)>();

        // Coordinator actions and the people's own turns, at the UTC instant they happen.
        var script = new Dictionary<DateTimeOffset, Func<Task>>
        {
            [Wit(8, 10, 10)] = async () =>
            {
                await kit.SayAsync("peserta", "menu");
                await kit.PressAsync("peserta", "belajar");
                Assert.Contains("Anda terdaftar di modul Manajemen Waktu", await kit.PressAsync("peserta", "manajemen-waktu"), StringComparison.Ordinal);
                await FinishLessonOfTheDayAsync(kit);
                await SetEnrollmentAsync(bot, nip, "registered");
                using var coordinator = await bot.App.CreateSignedInClientAsync();
                var paired = await coordinator.PostAsJsonAsync("/api/mentoring/pairs", new
                {
                    mentorNip = await bot.NipAsync(mentor), menteeNip = nip, everyDays = 14, firstSessionOn = "2026-09-01", createdBy = "BKPSDM Kota Ambon",
                });
                Assert.Equal(HttpStatusCode.Created, paired.StatusCode);
            },
            [Wit(8, 27, 16)] = () => SetEnrollmentAsync(bot, nip, "hadir"),
            [Wit(8, 28, 15)] = () => SetEnrollmentAsync(bot, nip, "completed"),
        };
        // The mentor records every session on the afternoon it is held (14.00 WIB).
        for (var session = Wib(9, 1, 14); session < End; session = session.AddDays(14))
            script[session.ToUniversalTime()] = () => RecordHeldSessionAsync(bot);

        // The clock jumps between the instants at which the scheduler's rules can make something due:
        // 07.00 WIT (the lesson hour out of quiet hours), 09.00 WIT and 09.00 WIB (the reminder hour),
        // each scripted action, and the not-before of every row waiting in the outbox. An hourly
        // clock would run the job eight times as often and keep the test from finishing in seconds.
        var instants = new SortedSet<DateTimeOffset>(script.Keys);
        for (var day = Start.Date; day < End.UtcDateTime; day = day.AddDays(1))
        {
            foreach (var hour in new[] { 0, 2, 22 })
                instants.Add(new DateTimeOffset(day.AddHours(hour), TimeSpan.Zero));
        }
        while (instants.Count > 0 && instants.Min < End)
        {
            var now = instants.Min;
            instants.Remove(now);
            if (now < Start)
                continue;
            bot.Time.SetUtcNow(now);
            if (script.TryGetValue(now, out var happens))
                await happens();
            // The job reads nothing from its context.
            await job.Execute(null!, CancellationToken.None);
            var before = bot.Sender.Sent.Count;
            await bot.Dispatcher.DispatchOnceAsync(CancellationToken.None);
            var sent = bot.Sender.Sent.Skip(before).ToList();
            delivered.AddRange(sent.Select(s => (s.To.Address, now, s.Reply.Text)));
            foreach (var address in sent.Select(s => s.To.Address).Distinct(StringComparer.Ordinal))
                await AnswerAsync(kit, address);
            foreach (var waiting in await bot.App.QueryAsync(db => db.Set<OutboxMessage>().AsNoTracking()
                         .Where(m => m.Status == OutboxStatus.Pending).Select(m => m.NotBefore).ToListAsync()))
                instants.Add(waiting > now ? waiting : now.AddSeconds(10));
        }

        Assert.Equal(
            [
                // The module: lesson 1 at enrolment, then one a day at 07.00 WIT (06.00 is in quiet hours) until it is done.
                new PlannedMessage("peserta", "2026-08-11 learning-daily", "2026-08-11 07:00 WIT"),
                new PlannedMessage("peserta", "2026-08-12 learning-daily", "2026-08-12 07:00 WIT"),
                new PlannedMessage("peserta", "2026-08-13 learning-daily", "2026-08-13 07:00 WIT"),
                new PlannedMessage("peserta", "2026-08-14 learning-daily", "2026-08-14 07:00 WIT"),
                new PlannedMessage("peserta", "2026-08-15 learning-daily", "2026-08-15 07:00 WIT"),
                // The coordinator completes the training at 15.00 WIT: the reaction questionnaire at once.
                new PlannedMessage("peserta", "ask evaluation-reaction", "2026-08-28 15:00 WIT"),
                // Every 14 days from 1 September: the mentor the day before, the mentee the day after.
                new PlannedMessage("mentor", "reminder outbox.mentoring_reminder", "2026-08-31 09:00 WIB"),
                new PlannedMessage("peserta", "follow-up mentoring-follow-up", "2026-09-02 09:00 WIT"),
                new PlannedMessage("mentor", "reminder outbox.mentoring_reminder", "2026-09-14 09:00 WIB"),
                new PlannedMessage("peserta", "follow-up mentoring-follow-up", "2026-09-16 09:00 WIT"),
                new PlannedMessage("mentor", "reminder outbox.mentoring_reminder", "2026-09-28 09:00 WIB"),
                new PlannedMessage("peserta", "follow-up mentoring-follow-up", "2026-09-30 09:00 WIT"),
                // Both below 20 JP on the first of October.
                new PlannedMessage("peserta", "2026-10 outbox.jp_reminder", "2026-10-01 09:00 WIT"),
                new PlannedMessage("mentor", "2026-10 outbox.jp_reminder", "2026-10-01 09:00 WIB"),
                new PlannedMessage("mentor", "reminder outbox.mentoring_reminder", "2026-10-12 09:00 WIB"),
                new PlannedMessage("peserta", "follow-up mentoring-follow-up", "2026-10-14 09:00 WIT"),
                new PlannedMessage("mentor", "reminder outbox.mentoring_reminder", "2026-10-26 09:00 WIB"),
                new PlannedMessage("peserta", "follow-up mentoring-follow-up", "2026-10-28 09:00 WIT"),
                // And still below on the first of November.
                new PlannedMessage("peserta", "2026-11 outbox.jp_reminder", "2026-11-01 09:00 WIT"),
                new PlannedMessage("mentor", "2026-11 outbox.jp_reminder", "2026-11-01 09:00 WIB"),
                new PlannedMessage("mentor", "reminder outbox.mentoring_reminder", "2026-11-09 09:00 WIB"),
                new PlannedMessage("peserta", "follow-up mentoring-follow-up", "2026-11-11 09:00 WIT"),
                new PlannedMessage("mentor", "reminder outbox.mentoring_reminder", "2026-11-23 09:00 WIB"),
                new PlannedMessage("peserta", "follow-up mentoring-follow-up", "2026-11-25 09:00 WIT"),
                // 90 days after completion (26 November), at 09.00 in each one's zone.
                new PlannedMessage("peserta", "ask evaluation-behaviour", "2026-11-26 09:00 WIT"),
                new PlannedMessage("mentor", "ask evaluation-behaviour", "2026-11-26 09:00 WIB"),
                new PlannedMessage("mentor", "reminder outbox.mentoring_reminder", "2026-12-07 09:00 WIB"),
            ],
            await bot.SentAsync());
        Assert.All(await bot.RowsAsync(), r => Assert.Equal(OutboxStatus.Sent, r.Status));

        // What the texts said, in order.
        string Said(string to, DateTimeOffset at) => string.Join("\n", delivered.Where(d => d.To == to && d.At == at).Select(d => d.Text));
        Assert.Equal(
            ["materi 2", "materi 3", "materi 4", "materi 5", "materi 6"],
            Enumerable.Range(11, 5).Select(day => Said("peserta", Wit(8, day, 7)).Split('\n')[0][^8..]));
        Assert.Contains("Hari ini hari ulasan", Said("peserta", Wit(8, 14, 7)), StringComparison.Ordinal);
        Assert.Contains("Terima kasih sudah mengikuti Sosialisasi Tata Kelola dan Aplikasi Umum SPBE", Said("peserta", Wit(8, 28, 15)), StringComparison.Ordinal);
        Assert.Contains("besok, Selasa, 1 September 2026, jadwal sesi mentoring Anda dengan Orang peserta", Said("mentor", Wib(8, 31, 9)), StringComparison.Ordinal);
        Assert.Contains("Apa yang sudah Anda praktikkan?", Said("peserta", Wit(9, 2, 9)), StringComparison.Ordinal);
        Assert.Contains("JP Anda tahun 2026 baru 13 dari 20 JP; masih kurang 7 JP", Said("peserta", Wit(10, 1, 9)), StringComparison.Ordinal);
        Assert.Contains("JP Anda tahun 2026 baru 0 dari 20 JP", Said("mentor", Wib(10, 1, 9)), StringComparison.Ordinal);
        Assert.Contains("JP Anda tahun 2026 baru 17 dari 20 JP; masih kurang 3 JP", Said("peserta", Wit(11, 1, 9)), StringComparison.Ordinal);
        Assert.Contains("Sudah 90 hari sejak Anda menyelesaikan", Said("peserta", Wit(11, 26, 9)), StringComparison.Ordinal);
        Assert.Contains("Apakah Orang peserta sudah menerapkan", Said("mentor", Wib(11, 26, 9)), StringComparison.Ordinal);

        // What the cycle left behind: 3 JP of lessons, 4 of the training, 2 for each of 7 sessions.
        var (module, entries, requests, sessions) = await bot.App.QueryAsync(async db => (
            await db.Set<ModuleEnrollment>().AsNoTracking().SingleAsync(),
            await db.Set<LearningHoursEntry>().AsNoTracking().Where(e => e.PersonId == peserta).ToListAsync(),
            await db.Set<EvaluationRequest>().AsNoTracking().ToListAsync(),
            await db.Set<MentoringSession>().AsNoTracking().ToListAsync()));
        Assert.Equal(ModuleEnrollmentStatus.Completed, module.Status);
        Assert.Equal((3m, 4m, 14m), (entries.Where(e => e.PathCode == "MIKRO").Sum(e => e.Jp), entries.Where(e => e.Source == LearningSource.Training).Sum(e => e.Jp),
            entries.Where(e => e.Source == LearningSource.Mentoring).Sum(e => e.Jp)));
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Equal(EvaluationStatus.Answered, r.Status));
        Assert.Equal(7, sessions.Count(s => s.Status == MentoringSessionStatus.Held && s.MenteePractice is not null));
    }

    private static async Task SetEnrollmentAsync(OutboxFixture bot, string nip, string status)
    {
        using var coordinator = await bot.App.CreateSignedInClientAsync();
        using var response = await coordinator.PostAsJsonAsync("/api/enrollments", new { nip, training = "PLT-009", status });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task RecordHeldSessionAsync(OutboxFixture bot)
    {
        await bot.StartAsync("mentor", "mentoring-session");
        await bot.SayAsync("mentor", "Ya, terlaksana");
        await bot.SayAsync("mentor", "Menata antrean loket pelayanan");
        var saved = await bot.SayAsync("mentor", "Mencoba nomor antrean daring minggu ini");
        Assert.Contains(saved.Replies, r => r.Text.Contains("mendapat 2 JP mentoring", StringComparison.Ordinal));
    }

    private static async Task FinishLessonOfTheDayAsync(LearningTestKit kit)
    {
        await kit.FinishLessonAsync("peserta");
        if (await kit.PromptAsync("peserta") is { } prompt && prompt.Choices.Any(c => c.Value == "cukup"))
            await kit.PressAsync("peserta", "cukup");
    }

    /// <summary>What each person does with what just reached them: finish the lesson, answer the questionnaire, tell what they practised.</summary>
    private static async Task AnswerAsync(LearningTestKit kit, string address)
    {
        var prompt = await kit.PromptAsync(address);
        if (prompt is null)
            return;
        if (await kit.IsOnQuizAsync(address))
        {
            await FinishLessonOfTheDayAsync(kit);
            return;
        }
        if (prompt.Text.StartsWith("(1/10)", StringComparison.Ordinal))
        {
            foreach (var score in new[] { "5", "4", "4", "4", "5", "4", "4", "3", "4", "4" })
                await kit.SayAsync(address, score);
            await kit.SayAsync(address, "Ada");
            Assert.Contains("Terima kasih", await kit.SayAsync(address, "Contoh kasusnya sangat membantu"), StringComparison.Ordinal);
            return;
        }
        if (prompt.Text.StartsWith("(1/4)", StringComparison.Ordinal))
        {
            foreach (var score in new[] { "4", "4", "3", "4" })
                await kit.SayAsync(address, score);
            await kit.SayAsync(address, "Tidak");
            return;
        }
        if (prompt.Text.Contains("Apa yang sudah Anda praktikkan?", StringComparison.Ordinal))
        {
            Assert.Contains("Terima kasih", await kit.SayAsync(address, "Nomor antrean daring sudah dicoba di loket"), StringComparison.Ordinal);
            return;
        }
        throw new InvalidOperationException($"{address} is waiting on an unexpected question: {prompt.Text}");
    }
}
