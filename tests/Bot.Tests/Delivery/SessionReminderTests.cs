using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Profiles;
using AsnBot.Scheduler.DueWork;
using AsnBot.Scheduler.Reminders;
using Microsoft.Extensions.DependencyInjection;

namespace AsnBot.Bot.Tests.Delivery;

public sealed class SessionReminderTests
{
    /// <summary>Stands in for the training catalog's sessions and enrollments.</summary>
    private sealed class Calendar(List<EnrolledSession> sessions) : ITrainingCalendar
    {
        public Task<IReadOnlyList<EnrolledSession>> EnrolledSessionsStartingAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<EnrolledSession>>([.. sessions.Where(s => s.StartsAt >= from && s.StartsAt < to)]);
    }

    private static readonly DateTimeOffset SessionStart = new(2026, 12, 3, 2, 0, 0, TimeSpan.Zero); // Thursday 09:00 WIB, 11:00 WIT

    private static async Task<(OutboxFixture Bot, Calendar Calendar, Guid Ambon, Guid Medan)> StartAsync(DateTimeOffset now)
    {
        var sessions = new List<EnrolledSession>();
        var bot = new OutboxFixture(now);
        var ambon = await bot.AddPersonAsync("ambon", zone: IndonesianTimeZone.WIT, province: "Maluku");
        var medan = await bot.AddPersonAsync("medan");
        sessions.Add(new EnrolledSession(ambon, "PLT-007-A", "Pelatihan Literasi Digital", SessionStart, "Aula BKPSDM"));
        sessions.Add(new EnrolledSession(medan, "PLT-007-A", "Pelatihan Literasi Digital", SessionStart, "Aula BKPSDM"));
        return (bot, new Calendar(sessions), ambon, medan);
    }

    private static Task<int> RunDueWorkAsync(OutboxFixture bot, Calendar calendar)
    {
        var reminders = new SessionReminders(
            [calendar], bot.App.Services.GetRequiredService<IServiceScopeFactory>(),
            bot.App.Services.GetRequiredService<DeliveryWindow>(),
            bot.App.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AsnBot.Scheduler.SchedulerOptions>>());
        return reminders.EnqueueDueAsync(bot.Time.GetUtcNow(), CancellationToken.None);
    }

    [Fact]
    public async Task The_day_before_reminder_is_written_at_nine_local_time_in_each_zone_and_only_once()
    {
        var (bot, calendar, ambon, medan) = await StartAsync(new DateTimeOffset(2026, 12, 1, 23, 0, 0, TimeSpan.Zero));
        await using var _ = bot;
        Assert.Equal(0, await RunDueWorkAsync(bot, calendar));

        bot.Time.SetUtcNow(new DateTimeOffset(2026, 12, 2, 0, 30, 0, TimeSpan.Zero)); // 09:30 WIT, 07:30 WIB
        Assert.Equal(1, await RunDueWorkAsync(bot, calendar));
        Assert.Equal(ambon, Assert.Single(await bot.RowsAsync()).PersonId);

        bot.Time.SetUtcNow(new DateTimeOffset(2026, 12, 2, 2, 0, 0, TimeSpan.Zero)); // 09:00 WIB
        Assert.Equal(1, await RunDueWorkAsync(bot, calendar));
        Assert.Equal(0, await RunDueWorkAsync(bot, calendar));
        Assert.Equal([ambon, medan], (await bot.RowsAsync()).Select(r => r.PersonId));

        await bot.Dispatcher.DispatchOnceAsync(CancellationToken.None);
        var texts = bot.Sender.Sent.Select(s => s.Reply.Text).ToList();
        Assert.Contains(texts, t => t.Contains("besok", StringComparison.Ordinal) && t.Contains("Pelatihan Literasi Digital", StringComparison.Ordinal) && t.Contains("11.00 WIT", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("09.00 WIB", StringComparison.Ordinal));
    }

    [Fact]
    public async Task On_monday_morning_each_person_gets_one_digest_of_the_week_ahead()
    {
        var (bot, calendar, _, _) = await StartAsync(new DateTimeOffset(2026, 11, 29, 23, 0, 0, TimeSpan.Zero)); // Monday 06:00 WIB, 08:00 WIT
        await using var _2 = bot;
        Assert.Equal(1, await RunDueWorkAsync(bot, calendar)); // only Ambon is past 07:30
        bot.Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await RunDueWorkAsync(bot, calendar));
        Assert.Equal(0, await RunDueWorkAsync(bot, calendar));

        await bot.Dispatcher.DispatchOnceAsync(CancellationToken.None);
        Assert.All(bot.Sender.Sent, s => Assert.Contains("Jadwal pelatihan Anda minggu ini", s.Reply.Text, StringComparison.Ordinal));
        Assert.Contains(bot.Sender.Sent, s => s.Reply.Text.Contains("Kamis, 3 Desember", StringComparison.Ordinal));
    }

    [Fact]
    public void The_due_work_job_runs_the_session_reminders()
    {
        using var app = new AsnBot.Bot.Tests.Support.BotApp();
        Assert.Contains(app.Services.GetServices<IDueWork>(), w => w is SessionReminders);
    }
}
