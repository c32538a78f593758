using System.Net.Http.Json;
using AsnBot.Channels.Web;
using AsnBot.Knowledge.Demo;
using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Bot.Tests.Delivery;

public sealed class DemoAndDialogTests
{
    [Fact]
    public async Task Seed_demo_makes_valid_people_in_the_five_regions_and_refuses_a_database_with_real_people()
    {
        await using var bot = new OutboxFixture();
        var seeded = await bot.App.QueryAsync(db => DemoPeople.SeedAsync(db, 500, telegramChatIdsFrom: 7_000_000, force: false, bot.Time.GetUtcNow(), CancellationToken.None));
        Assert.Equal((500, 500, false), (seeded.People, seeded.ChannelAccounts, seeded.WasRefused));

        var people = await bot.App.QueryAsync(db => db.Set<Person>().AsNoTracking().ToListAsync());
        var today = DateOnly.FromDateTime(bot.Time.GetUtcNow().UtcDateTime);
        Assert.All(people, p => Assert.Equal(NipProblem.None, Nip.TryParse(p.Nip, today, out _)));
        Assert.Equal(["Jambi", "Jawa Tengah", "Lampung", "Maluku", "Sumatera Utara"], people.Select(p => p.Province).Distinct().Order());
        Assert.All(people.Where(p => p.Province == "Maluku"), p => Assert.Equal(IndonesianTimeZone.WIT, p.TimeZone));
        Assert.True(people.Select(p => p.JobLevel).Distinct().Count() > 5);
        var chatIds = await bot.App.QueryAsync(db => db.Set<ChannelAccount>().Where(c => c.Channel == "telegram").Select(c => c.Address).ToListAsync());
        Assert.Equal(Enumerable.Range(7_000_000, 500).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(), chatIds.Order());

        await bot.AddPersonAsync("a-real-person");
        var refused = await bot.App.QueryAsync(db => DemoPeople.SeedAsync(db, 10, null, force: false, bot.Time.GetUtcNow(), CancellationToken.None));
        Assert.True(refused.WasRefused);
        var forced = await bot.App.QueryAsync(db => DemoPeople.SeedAsync(db, 10, null, force: true, bot.Time.GetUtcNow(), CancellationToken.None));
        Assert.Equal(10, forced.People);
    }

    [Fact]
    public async Task A_start_dialog_row_opens_the_dialog_and_its_first_message_reaches_the_person()
    {
        await using var bot = new OutboxFixture();
        var person = await bot.AddPersonAsync("dialog-session-1", channel: "web");
        await bot.App.QueryAsync(db => OutboxStore.EnqueueAsync(db, [new OutboxMessage
        {
            PersonId = person, Channel = "web", Address = "dialog-session-1", Kind = OutboxKind.StartDialog,
            PayloadJson = new OutboxPayload { DialogId = "help" }.ToJson(), DedupeKey = "test:help:1",
            NotBefore = bot.Time.GetUtcNow(), CreatedAt = bot.Time.GetUtcNow(),
        }], CancellationToken.None));

        Assert.Equal(1, await bot.Dispatcher.DispatchOnceAsync(CancellationToken.None));

        var inbox = await bot.App.CreateClient().GetFromJsonAsync<WebChatInboxResponse>("/api/webchat/dialog-session-1/messages");
        Assert.NotEmpty(inbox!.Replies);
        Assert.Equal(OutboxStatus.Sent, Assert.Single(await bot.RowsAsync()).Status);
    }

    [Fact]
    public async Task Deleting_a_person_erases_their_outbox_rows_button_presses_and_inbox()
    {
        await using var bot = new OutboxFixture();
        var person = await bot.AddPersonAsync("erase-session-1", channel: "web");
        var id = await bot.SendBroadcastAsync(new Broadcasts.BroadcastDraft("Halo", ["Sudah dibaca"], null, null, "tester"));
        await bot.Dispatcher.DispatchOnceAsync(CancellationToken.None);
        await bot.App.Chat("erase-session-1").PressAsync(BroadcastMessage.ButtonValue(id, 0));

        await bot.App.QueryAsync(async db => { await AsnBot.Knowledge.Privacy.PersonalData.EraseAsync(db, person, CancellationToken.None); return 0; });

        Assert.Empty(await bot.RowsAsync());
        Assert.Equal(0, await bot.App.QueryAsync(db => db.Set<BroadcastResponse>().CountAsync()));
        Assert.Equal(0, await bot.App.QueryAsync(db => db.Set<InboxMessage>().CountAsync()));
    }

    [Fact]
    public void A_bad_delivery_or_scheduler_setting_stops_start_up_naming_the_key()
    {
        using var delivery = new Support.BotApp();
        delivery.Settings["Delivery:Teams:PerAddress"] = "seven a second";
        Assert.Contains("Delivery:Teams:PerAddress", Assert.ThrowsAny<Exception>(() => delivery.Server).ToString(), StringComparison.Ordinal);

        using var scheduler = new Support.BotApp();
        scheduler.Settings["Scheduler:QuietHours"] = "malam";
        Assert.Contains("Scheduler:QuietHours", Assert.ThrowsAny<Exception>(() => scheduler.Server).ToString(), StringComparison.Ordinal);
    }
}
