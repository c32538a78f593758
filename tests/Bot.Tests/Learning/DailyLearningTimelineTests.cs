using AsnBot.Bot.Tests.Delivery;
using AsnBot.Knowledge.Learning;
using AsnBot.Knowledge.LearningHours;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Bot.Tests.Learning;

/// <summary>
/// Two people follow a module day by day on a fake clock: one in Ambon (WIT, lessons at 07.00),
/// one in Medan (WIB, lessons at 20.00). Every outbox row, every text and every JP is checked.
/// </summary>
public sealed class DailyLearningTimelineTests
{
    private static readonly TimeSpan Wit = TimeSpan.FromHours(9);
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    private static DateTimeOffset Local(int day, int hour, int minute, TimeSpan zone) => new(2026, 12, 1 + day, hour, minute, 0, zone);

    private static DateOnly Day(int day) => new(2026, 12, 1 + day);

    [Fact]
    public async Task A_module_runs_one_lesson_a_day_at_each_persons_local_hour_with_lanjut_repetitions_review_completion_and_capped_jp()
    {
        await using var bot = new OutboxFixture(Local(0, 12, 0, Wit));
        var kit = new LearningTestKit(bot);
        var ambon = await kit.AddPersonAsync("ambon", IndonesianTimeZone.WIT, 7, "Maluku");
        var medan = await kit.AddPersonAsync("medan", IndonesianTimeZone.WIB, 20, "Sumatera Utara");

        // Day 0: both enrol from the menu; the first lesson opens at once.
        await kit.SayAsync("ambon", "menu");
        Assert.Contains("Pilih modul", await kit.PressAsync("ambon", "belajar"), StringComparison.Ordinal);
        var enrolled = await kit.PressAsync("ambon", "manajemen-waktu");
        Assert.Contains("Anda terdaftar di modul Manajemen Waktu", enrolled, StringComparison.Ordinal);
        Assert.Contains("07.00 WIT", enrolled, StringComparison.Ordinal);
        Assert.Contains("materi 1", enrolled, StringComparison.Ordinal);
        Assert.Contains("Belum tepat", await kit.AnswerQuizAsync("ambon", correctly: false), StringComparison.Ordinal);
        Assert.Contains("+0,5 JP", await kit.AnswerQuizAsync("ambon", correctly: true), StringComparison.Ordinal);
        await kit.PressAsync("ambon", "cukup");

        await kit.SayAsync("medan", "menu");
        await kit.PressAsync("medan", "belajar");
        Assert.Contains("20.00 WIB", await kit.PressAsync("medan", "manajemen-waktu"), StringComparison.Ordinal);
        Assert.Contains("+0,5 JP", await kit.FinishLessonAsync("medan"), StringComparison.Ordinal);
        Assert.Contains("materi 2", await kit.PressAsync("medan", "lanjut"), StringComparison.Ordinal);
        Assert.Contains("+0,5 JP", await kit.FinishLessonAsync("medan"), StringComparison.Ordinal);
        Assert.Contains("materi 3", await kit.PressAsync("medan", "lanjut"), StringComparison.Ordinal);
        Assert.DoesNotContain("JP belajar mandiri tercatat", await kit.FinishLessonAsync("medan"), StringComparison.Ordinal); // the daily cap of 1 JP is reached
        await kit.PressAsync("medan", "cukup");
        Assert.Equal(0, await kit.RunDailyLessonsAsync()); // both had today's lesson

        var ambonDays = new Dictionary<int, string>();
        var medanDays = new Dictionary<int, string>();
        for (var day = 1; day <= 8; day++)
        {
            // Written ahead, just after Ambon's midnight; sent at the lesson hour.
            bot.Time.SetUtcNow(Local(day, 0, 30, Wit));
            await kit.RunDailyLessonsAsync();
            bot.Time.SetUtcNow(Local(day, 7, 0, Wit));
            var ambonToday = await kit.DispatchAndReadAsync("ambon");
            ambonToday += await kit.FinishLessonAsync("ambon");
            if (day == 4)
            {
                Assert.Contains("materi 6", await kit.PressAsync("ambon", "lanjut"), StringComparison.Ordinal);
                ambonToday += await kit.FinishLessonAsync("ambon");
            }
            ambonDays[day] = ambonToday;
            if (ambonToday.Length > 0 && day != 7)
                await kit.PressAsync("ambon", "cukup");

            bot.Time.SetUtcNow(Local(day, 20, 0, Wib));
            await kit.RunDailyLessonsAsync();
            var medanToday = await kit.DispatchAndReadAsync("medan");
            if (day >= 3)
            {
                // Medan let days 1 and 2 pass; on day 3 the open lesson is finished and one lesson follows.
                medanToday += await kit.FinishLessonAsync("medan");
                if (await kit.IsOnQuizAsync("medan") is false && day <= 4)
                    medanToday += await kit.PressAsync("medan", "cukup");
                medanToday += await kit.FinishLessonAsync("medan");
            }
            medanDays[day] = medanToday;
        }

        // Ambon: the wrong answer of day 0 came back on days 1, 3 and 7, each time before the day's lesson.
        var lessonOne = kit.Title("ml-manajemen-waktu-01");
        Assert.Equal([1, 3, 7], ambonDays.Where(d => d.Value.Contains("Ulangan singkat", StringComparison.Ordinal)).Select(d => d.Key));
        Assert.All([1, 3, 7], d => Assert.Contains(lessonOne, ambonDays[d], StringComparison.Ordinal));
        Assert.True(ambonDays[1].IndexOf("Ulangan singkat", StringComparison.Ordinal) < ambonDays[1].IndexOf("materi 2", StringComparison.Ordinal));
        Assert.Contains("materi 3", ambonDays[2], StringComparison.Ordinal);
        Assert.Contains("materi 4", ambonDays[3], StringComparison.Ordinal);
        Assert.Contains("Hari ini hari ulasan", ambonDays[4], StringComparison.Ordinal); // the 5th day is the review
        Assert.Contains("materi 5", ambonDays[4], StringComparison.Ordinal);
        Assert.Contains("Anda menyelesaikan modul Manajemen Waktu", ambonDays[4], StringComparison.Ordinal);
        Assert.Equal("", ambonDays[5] + ambonDays[6] + ambonDays[8]);
        Assert.DoesNotContain("· materi", ambonDays[7], StringComparison.Ordinal);

        // Medan: day 1's lesson was left open; day 2 brought nothing new on top, and nothing was held against them.
        Assert.Contains("materi 4", medanDays[1], StringComparison.Ordinal);
        Assert.Equal("", medanDays[2]);
        Assert.Contains("Hari ini hari ulasan", medanDays[3], StringComparison.Ordinal);
        Assert.DoesNotContain("materi 6", medanDays[3], StringComparison.Ordinal);
        Assert.Contains("Anda menyelesaikan modul Manajemen Waktu", medanDays[4], StringComparison.Ordinal);
        foreach (var text in ambonDays.Values.Concat(medanDays.Values))
            Assert.DoesNotMatch("(?i)terlewat|ketinggalan|bolos|streak|berturut", text);

        // One row a day per person, each at the lesson hour of the person's own zone.
        var ambonRows = await kit.RowsForAsync(ambon);
        Assert.Equal([1, 2, 3, 4, 7], ambonRows.Select(r => r.NotBefore.ToOffset(Wit).Day - 1));
        Assert.All(ambonRows, r => Assert.Equal(new TimeSpan(7, 0, 0), r.NotBefore.ToOffset(Wit).TimeOfDay));
        var medanRows = await kit.RowsForAsync(medan);
        Assert.Equal([1, 2, 3, 4], medanRows.Select(r => r.NotBefore.ToOffset(Wib).Day - 1));
        Assert.All(medanRows, r => Assert.Equal(new TimeSpan(20, 0, 0), r.NotBefore.ToOffset(Wib).TimeOfDay));
        Assert.All(ambonRows.Concat(medanRows), r => Assert.Contains("learning-daily", r.PayloadJson, StringComparison.Ordinal));

        // Completion and JP: half a JP a lesson, at most 1 JP a day.
        var (enrollments, entries) = await bot.App.QueryAsync(async db => (
            await db.Set<ModuleEnrollment>().AsNoTracking().ToListAsync(),
            await db.Set<LearningHoursEntry>().AsNoTracking().ToListAsync()));
        Assert.All(enrollments, e => Assert.Equal(ModuleEnrollmentStatus.Completed, e.Status));
        Assert.All(enrollments, e => Assert.NotNull(e.CompletedAt));
        Assert.All(entries, e => Assert.Equal("MIKRO", e.PathCode));
        Assert.Equal(3.0m, entries.Where(e => e.PersonId == ambon).Sum(e => e.Jp));
        Assert.Equal(1.0m, entries.Where(e => e.PersonId == ambon && e.LearnedOn == Day(4)).Sum(e => e.Jp));
        Assert.Equal(1.0m, entries.Where(e => e.PersonId == medan && e.LearnedOn == Day(0)).Sum(e => e.Jp));
        Assert.Equal(2, entries.Count(e => e.PersonId == medan && e.LearnedOn == Day(0)));
    }
}
