using AsnBot.Bot.Tests.Delivery;
using AsnBot.Knowledge.LearningHours;
using AsnBot.Knowledge.Profiles;
using AsnBot.Scheduler.Learning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AsnBot.Bot.Tests.Learning;

public sealed class LearningHoursReminderTests
{
    private static async Task CreditAsync(OutboxFixture bot, Guid person, decimal jp, LearningHoursStatus status = LearningHoursStatus.Credited) =>
        await bot.App.QueryAsync(db =>
        {
            db.Add(new LearningHoursEntry
            {
                PersonId = person, Year = 2026, LearnedOn = new DateOnly(2026, 3, 2), PathCode = "KL03", Source = LearningSource.Training,
                Title = "Pelatihan", Jp = jp, Status = status, SourceRef = "test:" + Guid.NewGuid(),
            });
            return db.SaveChangesAsync();
        });

    [Fact]
    public async Task In_october_and_november_only_people_below_20_JP_are_reminded_once_a_month_at_nine_local_time()
    {
        await using var bot = new OutboxFixture(new DateTimeOffset(2026, 9, 30, 3, 0, 0, TimeSpan.Zero));
        var kit = new LearningTestKit(bot);
        var ambon = await bot.AddPersonAsync("ambon", zone: IndonesianTimeZone.WIT, province: "Maluku");
        var medan = await bot.AddPersonAsync("medan");
        var jambi = await bot.AddPersonAsync("jambi", province: "Jambi");
        await CreditAsync(bot, ambon, 5);
        await CreditAsync(bot, ambon, 30, LearningHoursStatus.PendingVerification); // a claim not yet verified does not count
        await CreditAsync(bot, medan, 20);

        Assert.Equal(0, await kit.RunDueWorkAsync<LearningHoursReminders>()); // September
        bot.Time.SetUtcNow(new DateTimeOffset(2026, 10, 1, 1, 0, 0, TimeSpan.Zero)); // 10.00 WIT, 08.00 WIB
        Assert.Equal(1, await kit.RunDueWorkAsync<LearningHoursReminders>());
        bot.Time.SetUtcNow(new DateTimeOffset(2026, 10, 1, 2, 0, 0, TimeSpan.Zero)); // 09.00 WIB
        Assert.Equal(1, await kit.RunDueWorkAsync<LearningHoursReminders>());
        bot.Time.SetUtcNow(new DateTimeOffset(2026, 10, 20, 2, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await kit.RunDueWorkAsync<LearningHoursReminders>()); // once a month
        bot.Time.SetUtcNow(new DateTimeOffset(2026, 11, 2, 2, 0, 0, TimeSpan.Zero));
        Assert.Equal(2, await kit.RunDueWorkAsync<LearningHoursReminders>());
        bot.Time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await kit.RunDueWorkAsync<LearningHoursReminders>());

        var rows = await bot.RowsAsync();
        // October: one run per zone's nine o'clock; November: one run for both, in the order people are paged.
        Assert.Equal([ambon, jambi], rows.Take(2).Select(r => r.PersonId));
        Assert.Equal(new[] { ambon, jambi }.Order(), rows.Skip(2).Select(r => r.PersonId).Order());
        Assert.DoesNotContain(rows, r => r.PersonId == medan);
        Assert.Equal(new TimeSpan(10, 0, 0), rows[0].NotBefore.ToOffset(TimeSpan.FromHours(9)).TimeOfDay);
        Assert.Equal(new TimeSpan(9, 0, 0), rows[1].NotBefore.ToOffset(TimeSpan.FromHours(7)).TimeOfDay);

        await bot.Dispatcher.DispatchOnceAsync(CancellationToken.None);
        var ambonText = bot.Sender.Sent.First(s => s.To.Address == "ambon").Reply.Text;
        Assert.Contains("JP Anda tahun 2026 baru 5 dari 20 JP; masih kurang 15 JP", ambonText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reminders_read_people_a_page_at_a_time_and_each_one_below_20_JP_is_reminded_exactly_once()
    {
        await using var bot = new OutboxFixture(new DateTimeOffset(2026, 10, 1, 2, 0, 0, TimeSpan.Zero)); // 09.00 WIB, 11.00 WIT
        var below = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            var person = await bot.AddPersonAsync("orang-" + i, zone: i % 2 == 0 ? IndonesianTimeZone.WIB : IndonesianTimeZone.WIT);
            await CreditAsync(bot, person, i == 3 || i == 6 ? 20 : i);
            if (i != 3 && i != 6)
                below.Add(person);
        }
        var paged = new LearningHoursReminders(
            bot.App.Services.GetRequiredService<IServiceScopeFactory>(), bot.App.Services.GetRequiredService<AsnBot.Knowledge.Outbox.DeliveryWindow>(),
            bot.App.Services.GetRequiredService<IOptions<AsnBot.Scheduler.SchedulerOptions>>()) { PageSize = 2 };

        Assert.Equal(5, await paged.EnqueueDueAsync(bot.Time.GetUtcNow(), CancellationToken.None));
        Assert.Equal(0, await paged.EnqueueDueAsync(bot.Time.GetUtcNow(), CancellationToken.None));

        var rows = await bot.RowsAsync();
        Assert.Equal(below.Order(), rows.Select(r => r.PersonId).Order());
        Assert.All(rows, r => Assert.Contains("outbox.jp_reminder", r.PayloadJson, StringComparison.Ordinal));
    }
}
