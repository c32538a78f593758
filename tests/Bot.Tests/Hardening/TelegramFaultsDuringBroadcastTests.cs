using AsnBot.Bot.Tests.Support;
using AsnBot.Broadcasts;
using AsnBot.Knowledge.Demo;
using AsnBot.Knowledge.Outbox;
using AsnBot.TestPeers.Telegram;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsnBot.Bot.Tests.Hardening;

/// <summary>Telegram failing one send in five during a broadcast: everything arrives, twice only where a send outlasted the timeout, never faster than the limit.</summary>
[Trait("Category", "EndToEnd")]
public sealed class TelegramFaultsDuringBroadcastTests
{
    private const int People = 100;
    private const int Limit = 40;
    private const long FirstChat = 7_300_000_000;

    [Fact]
    public async Task A_broadcast_through_20_percent_429s_500s_and_timeouts_reaches_everyone_within_the_rate_limit()
    {
        // Hung calls last longer than the bot waits, so they are real timeouts on the bot's side.
        await using var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { HangDuration = TimeSpan.FromSeconds(10) });
        await using var app = new BotApp();
        app.Settings["Telegram:BotToken"] = telegram.Token;
        app.Settings["Telegram:ApiBaseUrl"] = telegram.BaseUrl.ToString();
        app.Settings["Telegram:CallTimeout"] = "00:00:02";
        app.Settings["Delivery:Enabled"] = "true";
        app.Settings["Delivery:Telegram:MessagesPerSecond"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        app.Settings["Delivery:RetryBaseDelay"] = "00:00:01";
        app.Settings["Delivery:MaxAttempts"] = "10";
        app.Settings["Delivery:PollInterval"] = "00:00:00.100";
        app.Settings["Scheduler:QuietHours"] = "";
        for (var i = 0; i < People; i++)
            telegram.CreateUser($"Pegawai{i}", userId: FirstChat + i);
        await app.QueryAsync(db => DemoPeople.SeedAsync(db, People, FirstChat, force: true, DateTimeOffset.UtcNow, CancellationToken.None));
        telegram.FailRandomly(0.2, seed: 2026, new RandomFaultMix(RetryAfterSeconds: 1), method: "sendMessage");

        long id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var broadcasts = scope.ServiceProvider.GetRequiredService<BroadcastService>();
            id = await broadcasts.CreateAsync(new BroadcastDraft("Batas unggah SKP diperpanjang sampai Jumat", null, null, null, "uji"), CancellationToken.None);
            await broadcasts.SendAsync(id, CancellationToken.None);
        }
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (await app.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.BroadcastId == id && m.Status == OutboxStatus.Sent)) < People)
        {
            Assert.True(DateTime.UtcNow < deadline, "the broadcast was not delivered within 90 s");
            await Task.Delay(100);
        }

        var calls = telegram.Calls("sendMessage");
        Assert.True(calls.Any(c => c.StatusCode == 429) && calls.Any(c => c.StatusCode == 500) && calls.Any(c => c.StatusCode == CallRecord.NoResponse),
            "every kind of fault happened");
        Assert.True(calls.Count(c => !c.Succeeded) >= People / 10, $"{calls.Count(c => !c.Succeeded)} failed calls");
        Assert.All(Enumerable.Range(0, People), i => Assert.NotEmpty(telegram.BotMessages(FirstChat + i)));
        // sendMessage has no idempotency key: only a call that succeeded after the bot had stopped
        // waiting for it may show twice.
        var late = calls.Count(c => c.Succeeded && c.Duration >= TimeSpan.FromSeconds(2));
        var twice = Enumerable.Range(0, People).Sum(i => telegram.BotMessages(FirstChat + i).Count - 1);
        Assert.True(twice <= late, $"{twice} people got the message twice, but only {late} sends outlasted the bot's timeout");
        var peak = telegram.PeakCallsWithin(TimeSpan.FromSeconds(1), "sendMessage");
        Assert.True(peak <= Limit, $"{peak} sendMessage calls within one second; the limit is {Limit}");
    }
}
