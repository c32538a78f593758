using AsnBot.Knowledge.Catalog;
using AsnBot.Knowledge.Enrollments;
using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Profiles;
using AsnBot.Scheduler.DueWork;
using AsnBot.Scheduler.Reminders;
using Microsoft.Extensions.DependencyInjection;

namespace AsnBot.Bot.Tests.Delivery;

/// <summary>
/// Session reminders from the real catalog and enrollments, through the registered due work, on a
/// fake clock: an online session on Thursday 3 December 2026 for a person in Ambon (WIT) and one in
/// Medan (WIB), a classroom session in Ambon on Friday, and one the week after.
/// </summary>
public sealed class SessionCalendarTests
{
    private static readonly DateOnly Thursday = new(2026, 12, 3);

    private sealed record People(Guid Ambon, Guid Medan, Guid Interested);

    private static async Task<People> SeedAsync(OutboxFixture bot)
    {
        var ambon = await bot.AddPersonAsync("ambon", zone: IndonesianTimeZone.WIT, province: "Maluku");
        var medan = await bot.AddPersonAsync("medan");
        var interested = await bot.AddPersonAsync("interested");
        await bot.App.QueryAsync(db =>
        {
            db.Add(Training("UJI-ONLINE", "Literasi Digital untuk Pelayanan", "NKL03", TrainingMode.Daring,
                Session("UJI-ONLINE-A", Thursday, "Daring (Zoom)", null), Session("UJI-ONLINE-B", Thursday.AddDays(5), "Daring (Zoom)", null)));
            db.Add(Training("UJI-KELAS", "Komunikasi Publik", "KL03", TrainingMode.Klasikal, Session("UJI-KELAS-A", Thursday.AddDays(1), "Kota Ambon", "Maluku")));
            var now = bot.Time.GetUtcNow();
            db.AddRange(
                Enroll(ambon, "UJI-ONLINE", "UJI-ONLINE-A", EnrollmentStatus.Registered, now),
                Enroll(medan, "UJI-ONLINE", "UJI-ONLINE-A", EnrollmentStatus.Registered, now),
                Enroll(ambon, "UJI-KELAS", "UJI-KELAS-A", EnrollmentStatus.Registered, now),
                Enroll(ambon, "UJI-ONLINE", "UJI-ONLINE-B", EnrollmentStatus.Registered, now),
                Enroll(interested, "UJI-ONLINE", "UJI-ONLINE-A", EnrollmentStatus.Interest, now));
            return db.SaveChangesAsync();
        });
        return new People(ambon, medan, interested);
    }

    private static Training Training(string code, string title, string path, TrainingMode mode, params TrainingSession[] sessions) =>
        new() { Code = code, Title = title, Path = path, Mode = mode, Jp = 8, Sessions = [.. sessions] };

    private static TrainingSession Session(string id, DateOnly start, string place, string? province) =>
        new() { Id = id, Start = start, End = start.AddDays(1), Place = place, Province = province, IsOnline = province is null, Quota = 30 };

    private static Enrollment Enroll(Guid person, string training, string session, EnrollmentStatus status, DateTimeOffset now) =>
        new() { PersonId = person, TrainingCode = training, SessionId = session, Status = status, CreatedAt = now };

    /// <summary>What the due-work job runs every few minutes, as registered in the bot.</summary>
    private static Task<int> RunDueWorkAsync(OutboxFixture bot) =>
        bot.App.Services.GetServices<IDueWork>().OfType<SessionReminders>().Single().EnqueueDueAsync(bot.Time.GetUtcNow(), CancellationToken.None);

    private static async Task<List<string>> SentTextsAsync(OutboxFixture bot, string address)
    {
        await bot.Dispatcher.DispatchOnceAsync(CancellationToken.None);
        return [.. bot.Sender.Sent.Where(s => s.To.Address == address).Select(s => s.Reply.Text)];
    }

    [Fact]
    public void The_catalog_calendar_is_the_one_the_reminders_use()
    {
        using var app = new Support.BotApp();
        Assert.IsType<CatalogTrainingCalendar>(app.Services.GetServices<ITrainingCalendar>().Last());
    }

    [Fact]
    public async Task Registered_people_in_Ambon_and_Medan_get_the_day_before_reminder_at_nine_their_own_time_once()
    {
        // Wednesday 2 December 00:00 UTC: 09:00 in Ambon, 07:00 in Medan.
        await using var bot = new OutboxFixture(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero));
        var people = await SeedAsync(bot);

        Assert.Equal(1, await RunDueWorkAsync(bot));
        var ambon = Assert.Single(await bot.RowsAsync());
        Assert.Equal((people.Ambon, "reminder:h-1:UJI-ONLINE-A:" + people.Ambon), (ambon.PersonId, ambon.DedupeKey));
        Assert.Equal(bot.Time.GetUtcNow(), ambon.NotBefore);

        bot.Time.SetUtcNow(new DateTimeOffset(2026, 12, 2, 2, 0, 0, TimeSpan.Zero)); // 09:00 in Medan
        Assert.Equal(1, await RunDueWorkAsync(bot));
        Assert.Equal(0, await RunDueWorkAsync(bot));
        var rows = await bot.RowsAsync();
        Assert.Equal([people.Ambon, people.Medan], rows.Select(r => r.PersonId));
        Assert.DoesNotContain(rows, r => r.PersonId == people.Interested);

        var toAmbon = Assert.Single(await SentTextsAsync(bot, "ambon"));
        Assert.Contains("besok, Kamis, 3 Desember 2026 pukul 08.00 WIT", toAmbon, StringComparison.Ordinal);
        Assert.Contains("Literasi Digital untuk Pelayanan", toAmbon, StringComparison.Ordinal);
        Assert.Contains("08.00 WIB", Assert.Single(await SentTextsAsync(bot, "medan")), StringComparison.Ordinal);

        // Thursday 09:00 in Ambon: the classroom session in Ambon on Friday.
        bot.Time.SetUtcNow(new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await RunDueWorkAsync(bot));
        Assert.Equal("reminder:h-1:UJI-KELAS-A:" + people.Ambon, (await bot.RowsAsync())[^1].DedupeKey);
    }

    [Fact]
    public async Task On_monday_each_registered_person_gets_one_digest_of_this_weeks_sessions()
    {
        // Monday 30 November 00:00 UTC: 09:00 in Ambon (past the 07:30 digest), 07:00 in Medan.
        await using var bot = new OutboxFixture(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero));
        var people = await SeedAsync(bot);

        Assert.Equal(1, await RunDueWorkAsync(bot));
        bot.Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 0, 30, 0, TimeSpan.Zero)); // 07:30 in Medan
        Assert.Equal(1, await RunDueWorkAsync(bot));
        Assert.Equal(0, await RunDueWorkAsync(bot));
        Assert.Equal([people.Ambon, people.Medan], (await bot.RowsAsync()).Select(r => r.PersonId));

        var digest = Assert.Single(await SentTextsAsync(bot, "ambon"));
        Assert.StartsWith("📅 Jadwal pelatihan Anda minggu ini", digest, StringComparison.Ordinal);
        Assert.Contains("Kamis, 3 Desember 08.00 WIT: Literasi Digital untuk Pelayanan (Daring (Zoom))", digest, StringComparison.Ordinal);
        Assert.Contains("Jumat, 4 Desember 08.00 WIT: Komunikasi Publik (Kota Ambon)", digest, StringComparison.Ordinal);
        Assert.DoesNotContain("8 Desember", digest, StringComparison.Ordinal);
        var medan = Assert.Single(await SentTextsAsync(bot, "medan"));
        Assert.Contains("Kamis, 3 Desember 08.00 WIB", medan, StringComparison.Ordinal);
        Assert.DoesNotContain("Komunikasi Publik", medan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reminder_due_in_quiet_hours_waits_for_their_end_in_the_persons_zone()
    {
        // Reminders at 06:00 local fall in the 21:00-07:00 quiet hours: 21:00 UTC is 06:00 in Ambon.
        await using var bot = new OutboxFixture(
            new DateTimeOffset(2026, 12, 1, 21, 0, 0, TimeSpan.Zero), new() { ["Scheduler:ReminderTime"] = "06:00" });
        var people = await SeedAsync(bot);

        Assert.Equal(1, await RunDueWorkAsync(bot));
        var row = Assert.Single(await bot.RowsAsync());
        Assert.Equal(people.Ambon, row.PersonId);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 22, 0, 0, TimeSpan.Zero), row.NotBefore); // 07:00 WIT
        Assert.Equal(0, await bot.Dispatcher.DispatchOnceAsync(CancellationToken.None));
    }
}
