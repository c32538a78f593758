using System.Globalization;
using AsnBot.Bot.Tests.Support;
using AsnBot.Knowledge.Demo;
using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Profiles;
using AsnBot.TestPeers.Telegram;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Bot.Tests.Delivery;

/// <summary>
/// An outbox text over Telegram's 4,096 characters goes in parts. When a later part fails, the
/// row's retry goes on from that part: what arrived already is not sent again.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class TelegramOutboxPartsTests
{
    private const long Chat = 7_400_000_000;

    [Theory]
    [InlineData(500)]
    [InlineData(429)]
    public async Task A_long_outbox_text_whose_second_part_fails_is_sent_on_from_that_part(int errorCode)
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var app = new BotApp();
        app.Settings["Telegram:BotToken"] = telegram.Token;
        app.Settings["Telegram:ApiBaseUrl"] = telegram.BaseUrl.ToString();
        app.Settings["Delivery:Enabled"] = "true";
        app.Settings["Delivery:RetryBaseDelay"] = "00:00:01";
        app.Settings["Delivery:PollInterval"] = "00:00:00.100";
        app.Settings["Scheduler:QuietHours"] = "";
        telegram.CreateUser("Pegawai", userId: Chat);
        await app.QueryAsync(db => DemoPeople.SeedAsync(db, 1, Chat, force: true, DateTimeOffset.UtcNow, CancellationToken.None));
        string[] paragraphs = ["Materi hari ini. " + new string('a', 3000), new string('b', 3000), "Sekian. " + new string('c', 2000)];
        var fault = telegram.FailNext("sendMessage", errorCode, retryAfter: errorCode == 429 ? 1 : null, after: 1);

        // Enqueued as a job enqueues a lesson's text.
        await app.QueryAsync(async db =>
        {
            var person = await db.Set<ChannelAccount>().Where(a => a.Channel == "telegram").Select(a => a.PersonId).SingleAsync();
            var now = DateTimeOffset.UtcNow;
            return await OutboxStore.EnqueueAsync(db, [new OutboxMessage
            {
                PersonId = person,
                Channel = "telegram",
                Address = Chat.ToString(CultureInfo.InvariantCulture),
                Kind = OutboxKind.Text,
                PayloadJson = new OutboxPayload { Text = string.Join("\n\n", paragraphs) }.ToJson(),
                NotBefore = now,
                DedupeKey = "test:long-text",
                CreatedAt = now,
                UpdatedAt = now,
            }], CancellationToken.None);
        });
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await app.QueryAsync(db => db.Set<OutboxMessage>().Where(m => m.DedupeKey == "test:long-text").Select(m => m.Status).SingleAsync()) != OutboxStatus.Sent)
        {
            Assert.True(DateTime.UtcNow < deadline, "the text was not delivered within 30 s");
            await Task.Delay(100);
        }

        Assert.Equal(1, fault.TimesApplied);
        Assert.Equal(paragraphs, telegram.BotMessages(Chat).Select(m => m.Text));
        Assert.Equal([200, errorCode, 200, 200], telegram.Calls("sendMessage", Chat).Select(c => c.StatusCode));
    }
}
