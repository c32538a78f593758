using System.Globalization;
using AsnBot.Bot.Tests.Support;
using AsnBot.Broadcasts;
using AsnBot.Channels.Telegram;
using AsnBot.Delivery;
using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Profiles;
using AsnBot.TestPeers.Telegram;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsnBot.Bot.Tests.Delivery;

/// <summary>
/// The outbox dispatcher sending broadcasts through the real Telegram sender to the fake Bot API
/// server, on the real clock; what the server answered and when is read from its call record.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class TelegramDispatchTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RetryBase = TimeSpan.FromMilliseconds(400);

    private FakeTelegramServer _telegram = null!;
    private TelegramBotApp _app = null!;

    public async Task InitializeAsync()
    {
        _telegram = await FakeTelegramServer.StartAsync();
        _app = new TelegramBotApp(_telegram, TelegramMode.Polling);
        _app.Settings["Delivery:RetryBaseDelay"] = RetryBase.ToString("c", CultureInfo.InvariantCulture);
        _app.Settings["Delivery:MaxAttempts"] = "3";
        _app.Settings["Delivery:PollInterval"] = "00:00:00.050";
        _app.Settings["Telegram:CallTimeout"] = "00:00:01";
        // Sends spaced 200 ms apart, so a 429's answer normally arrives before the next send starts.
        _app.Settings["Delivery:Telegram:MessagesPerSecond"] = "5";
        _app.Settings["Scheduler:Enabled"] = "false";
        _app.Settings["Scheduler:QuietHours"] = "";
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _telegram.DisposeAsync();
        BotApp.DeleteDatabase(_app.DatabaseFile);
    }

    [Fact]
    public async Task A_429_pauses_every_send_of_the_bot_until_retry_after_ends_and_then_both_messages_arrive()
    {
        var (first, second) = (_telegram.CreateUser("Siti"), _telegram.CreateUser("Budi"));
        _telegram.FailNext("sendMessage", 429, retryAfter: 2);

        var id = await BroadcastAsync(first, second);
        var sends = await _telegram.WaitForCallsAsync("sendMessage", 3, Patience);
        var stats = await FinishAsync(id);

        Assert.Equal(429, sends[0].StatusCode);
        // A send already on its way when the 429 was answered may land; nothing may start after it until retry_after ends.
        var answered = sends[0].ReceivedAtUtc + sends[0].Duration;
        var reopens = answered.AddSeconds(2);
        Assert.All(sends.Where(s => s.ReceivedAtUtc > answered), call => Assert.True(call.ReceivedAtUtc >= reopens, $"A send at {call.ReceivedAtUtc:O} came before {reopens:O}"));
        Assert.True(sends[2].ReceivedAtUtc >= reopens);
        Assert.All(sends.Skip(1), call => Assert.True(call.Succeeded));
        Assert.Equal(3, _telegram.Calls("sendMessage").Count);
        Assert.Single(_telegram.BotMessages(first.ChatId));
        Assert.Single(_telegram.BotMessages(second.ChatId));
        Assert.Equal((2, 2, 0), (stats.Targeted, stats.Sent, stats.Failed));
        // Being throttled is not the message's fault: the throttled send gave its attempt back.
        Assert.All(await RowsAsync(id), row => Assert.Equal(1, row.Attempts));
    }

    [Fact]
    public async Task A_403_marks_the_person_unreachable_on_Telegram_and_is_not_retried()
    {
        var (blocked, fine) = (_telegram.CreateUser("Siti"), _telegram.CreateUser("Budi"));
        _telegram.BlockChat(blocked.ChatId);

        var id = await BroadcastAsync(blocked, fine);
        await _telegram.WaitForBotMessagesAsync(fine.ChatId, 1, Patience);
        await _telegram.WaitForCallsAsync("sendMessage", 2, Patience);
        var stats = await FinishAsync(id);

        Assert.Equal(403, Assert.Single(_telegram.Calls("sendMessage", blocked.ChatId)).StatusCode);
        Assert.Equal((2, 1, 1), (stats.Targeted, stats.Sent, stats.Unreachable));
        var account = await _app.QueryAsync(db => db.Set<ChannelAccount>().SingleAsync(c => c.Address == Address(blocked)));
        Assert.False(account.IsReachable);
        Assert.Equal(OutboxStatus.Unreachable, (await RowsAsync(id)).Single(r => r.Address == Address(blocked)).Status);
    }

    [Fact]
    public async Task A_500_and_a_timeout_are_retried_with_growing_back_off_then_the_message_arrives_once()
    {
        var person = _telegram.CreateUser("Siti");
        _telegram.FailNext("sendMessage", 500);
        _telegram.HangNext("sendMessage");

        var id = await BroadcastAsync(person);
        var sends = await _telegram.WaitForCallsAsync("sendMessage", 3, Patience);
        var stats = await FinishAsync(id);

        Assert.Equal([500, CallRecord.NoResponse, 200], sends.Select(s => s.StatusCode));
        // Jittered exponential back-off: attempt n waits base * 2^(n-1) * [0.5, 1.5); the timeout itself adds one second.
        Assert.True(sends[1].ReceivedAtUtc - sends[0].ReceivedAtUtc >= RetryBase * 0.5, "The first retry came too early");
        Assert.True(sends[2].ReceivedAtUtc - sends[1].ReceivedAtUtc >= TimeSpan.FromSeconds(1) + RetryBase, "The second retry did not wait for the longer back-off");
        Assert.Single(_telegram.BotMessages(person.ChatId));
        Assert.Equal((1, 1), (stats.Targeted, stats.Sent));
        var row = Assert.Single(await RowsAsync(id));
        Assert.Equal((OutboxStatus.Sent, 3), (row.Status, row.Attempts));
    }

    [Fact]
    public async Task A_send_that_keeps_failing_stops_at_the_attempt_limit_and_is_failed()
    {
        var person = _telegram.CreateUser("Siti");
        _telegram.FailAlways("sendMessage", 500);

        var id = await BroadcastAsync(person);
        await _telegram.WaitForCallsAsync("sendMessage", 3, Patience);
        var stats = await FinishAsync(id);

        Assert.Equal(3, _telegram.Calls("sendMessage").Count);
        Assert.Empty(_telegram.BotMessages(person.ChatId));
        Assert.Equal((1, 0, 1), (stats.Targeted, stats.Sent, stats.Failed));
        var row = Assert.Single(await RowsAsync(id));
        Assert.Equal(OutboxStatus.Failed, row.Status);
        Assert.Contains("Internal Server Error", row.LastError, StringComparison.OrdinalIgnoreCase);
    }

    private static string Address(SimulatedUser user) => user.ChatId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Registers the people on Telegram, starts the bot (and its dispatcher) and sends them one broadcast.</summary>
    private async Task<long> BroadcastAsync(params SimulatedUser[] users)
    {
        _app.Start();
        await _app.QueryAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < users.Length; i++)
            {
                var person = new Person
                {
                    Nip = string.Create(CultureInfo.InvariantCulture, $"19850312201001100{i}"), FullName = users[i].FirstName, Agency = "Pemerintah Kota Medan",
                    Unit = "Dinas Kesehatan", Position = "Pengadministrasi", JobLevel = "pelaksana", Province = "Sumatera Utara", City = "Kota Medan",
                    RegisteredAt = now, UpdatedAt = now,
                };
                db.Add(person);
                db.Add(new ChannelAccount { PersonId = person.Id, Channel = "telegram", Address = Address(users[i]), LinkedAt = now });
            }
            return await db.SaveChangesAsync();
        });
        await using var scope = _app.Services.CreateAsyncScope();
        var broadcasts = scope.ServiceProvider.GetRequiredService<BroadcastService>();
        var id = await broadcasts.CreateAsync(new BroadcastDraft("Rapat koordinasi besok pukul 09.00", null, new AudienceFilter { Channels = ["telegram"] }, null, "tester"), CancellationToken.None);
        await broadcasts.SendAsync(id, CancellationToken.None);
        return id;
    }

    /// <summary>Stops the dispatcher, which records every outcome of what it sent before it returns.</summary>
    private async Task<BroadcastStatistics> FinishAsync(long id)
    {
        await _app.Services.GetRequiredService<OutboxDispatcher>().StopAsync(CancellationToken.None);
        return (await _app.QueryAsync(db => BroadcastStatistics.ForAsync(db, id, CancellationToken.None)))!;
    }

    private Task<List<OutboxMessage>> RowsAsync(long id) =>
        _app.QueryAsync(db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.BroadcastId == id).ToListAsync());
}
