using AsnBot.Bot.Tests.Support;
using AsnBot.Broadcasts;
using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Profiles;
using Microsoft.Extensions.DependencyInjection;

namespace AsnBot.Bot.Tests.Delivery;

public sealed class AudienceAndTimeTests
{
    [Fact]
    public async Task Audience_filters_pick_agency_province_job_level_unit_and_channel()
    {
        await using var bot = new OutboxFixture();
        await bot.AddPersonAsync("medan-pelaksana", province: "Sumatera Utara", agency: "Pemerintah Kota Medan", jobLevel: "pelaksana");
        await bot.AddPersonAsync("medan-pengawas", province: "Sumatera Utara", agency: "Pemerintah Kota Medan", jobLevel: "pengawas");
        await bot.AddPersonAsync("ambon-pelaksana", zone: IndonesianTimeZone.WIT, province: "Maluku", agency: "Pemerintah Kota Ambon", jobLevel: "pelaksana");
        await bot.AddPersonAsync("jambi-web", channel: "web", province: "Jambi", agency: "Pemerintah Provinsi Jambi", unit: "Inspektorat", jobLevel: "fungsional-pertama");

        async Task<string[]> AudienceOf(AudienceFilter filter)
        {
            var id = await bot.SendBroadcastAsync(new BroadcastDraft("Halo", null, filter, null, "tester"));
            return [.. (await bot.RowsAsync()).Where(r => r.BroadcastId == id).Select(r => r.Address).Order()];
        }

        Assert.Equal(["medan-pelaksana", "medan-pengawas"], await AudienceOf(new AudienceFilter { Agencies = ["Pemerintah Kota Medan"] }));
        Assert.Equal(["ambon-pelaksana"], await AudienceOf(new AudienceFilter { Provinces = ["Maluku"] }));
        Assert.Equal(["ambon-pelaksana", "medan-pelaksana"], await AudienceOf(new AudienceFilter { JobLevels = ["pelaksana"] }));
        Assert.Equal(["jambi-web"], await AudienceOf(new AudienceFilter { Channels = ["web"] }));
        Assert.Equal(["jambi-web"], await AudienceOf(new AudienceFilter { Units = ["Inspektorat"] }));
        Assert.Equal(["medan-pengawas"], await AudienceOf(new AudienceFilter { Provinces = ["Sumatera Utara"], JobLevels = ["pengawas"] }));
        Assert.Equal(4, (await AudienceOf(new AudienceFilter())).Length);
    }

    [Fact]
    public async Task A_person_with_several_accounts_gets_one_message_on_the_reachable_account_of_the_fastest_channel()
    {
        await using var app = new BotApp();
        await PreferredAccountAudience.AssertEachPersonGetsOneRowOnTheirPreferredAccountAsync(app);
    }

    [Fact]
    public async Task Preview_counts_the_audience_and_estimates_the_finish_from_the_rate_limit()
    {
        await using var bot = new OutboxFixture(settings: new() { ["Delivery:Telegram:MessagesPerSecond"] = "2" });
        for (var i = 0; i < 10; i++)
            await bot.AddPersonAsync($"{1000 + i}", channel: "telegram");
        await using var scope = bot.App.Services.CreateAsyncScope();
        var broadcasts = scope.ServiceProvider.GetRequiredService<BroadcastService>();
        var id = await broadcasts.CreateAsync(new BroadcastDraft("Halo", null, null, null, "tester"), CancellationToken.None);

        var preview = await broadcasts.PreviewAsync(id, CancellationToken.None);

        Assert.Equal(10, preview.Audience);
        Assert.Equal(10, preview.ByChannel["telegram"]);
        Assert.Equal(bot.Time.GetUtcNow(), preview.FirstSendAt);
        Assert.Equal(bot.Time.GetUtcNow().AddSeconds(5), preview.EstimatedFinish);
    }

    [Fact]
    public async Task Ambon_and_Medan_scheduled_at_eight_local_get_their_own_utc_times()
    {
        // 30 Nov 12:00 UTC; the broadcast is for 1 Dec 08:00 in each recipient's own zone.
        await using var bot = new OutboxFixture(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
        var ambon = await bot.AddPersonAsync("ambon", zone: IndonesianTimeZone.WIT, province: "Maluku");
        var medan = await bot.AddPersonAsync("medan", zone: IndonesianTimeZone.WIB, province: "Sumatera Utara");
        await using var scope = bot.App.Services.CreateAsyncScope();
        var broadcasts = scope.ServiceProvider.GetRequiredService<BroadcastService>();
        var id = await broadcasts.CreateAsync(new BroadcastDraft("Selamat pagi", null, null, new DateTime(2026, 12, 1, 8, 0, 0), "tester"), CancellationToken.None);

        var preview = await broadcasts.PreviewAsync(id, CancellationToken.None);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.Zero), preview.FirstSendAt);
        // What the broadcast job does at that moment:
        var window = scope.ServiceProvider.GetRequiredService<DeliveryWindow>();
        await bot.App.QueryAsync(db => BroadcastAudience.EnqueueAsync(db, id, window, bot.Time.GetUtcNow(), CancellationToken.None));

        var rows = await bot.RowsAsync();
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.Zero), rows.Single(r => r.PersonId == ambon).NotBefore);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero), rows.Single(r => r.PersonId == medan).NotBefore);

        // Ambon's row is due first; Medan's waits two more hours.
        bot.Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await bot.Dispatcher.DispatchOnceAsync(CancellationToken.None));
        bot.Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, await bot.Dispatcher.DispatchOnceAsync(CancellationToken.None));
        Assert.Equal(["ambon", "medan"], bot.Sender.Sent.Select(s => s.To.Address));
    }

    [Fact]
    public async Task A_broadcast_sent_in_quiet_hours_waits_for_seven_in_the_morning_local_time()
    {
        // 14:30 UTC = 21:30 in Medan (WIB) and 23:30 in Ambon (WIT): quiet for both.
        await using var bot = new OutboxFixture(new DateTimeOffset(2026, 12, 1, 14, 30, 0, TimeSpan.Zero));
        var ambon = await bot.AddPersonAsync("ambon", zone: IndonesianTimeZone.WIT, province: "Maluku");
        var medan = await bot.AddPersonAsync("medan");
        await using (var scope = bot.App.Services.CreateAsyncScope())
        {
            var broadcasts = scope.ServiceProvider.GetRequiredService<BroadcastService>();
            var id = await broadcasts.CreateAsync(new BroadcastDraft("Malam", null, null, null, "tester"), CancellationToken.None);
            await bot.App.QueryAsync(db => BroadcastAudience.EnqueueAsync(db, id, scope.ServiceProvider.GetRequiredService<DeliveryWindow>(), bot.Time.GetUtcNow(), CancellationToken.None));
        }

        var rows = await bot.RowsAsync();
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 22, 0, 0, TimeSpan.Zero), rows.Single(r => r.PersonId == ambon).NotBefore);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero), rows.Single(r => r.PersonId == medan).NotBefore);
        Assert.Equal(0, await bot.Dispatcher.DispatchOnceAsync(CancellationToken.None));
    }
}
