using AsnBot.Bot.Tests.Support;
using AsnBot.Broadcasts;
using AsnBot.Channels.Telegram;
using AsnBot.Conversations;
using AsnBot.Conversations.Engine;
using AsnBot.Delivery;
using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsnBot.Bot.Tests.Channels.Telegram;

/// <summary>How the bot copes with Telegram's errors and limits when it answers.</summary>
[Trait("Category", "EndToEnd")]
public sealed class TelegramSendingTests() : TelegramTestBase(TelegramMode.Polling)
{
    [Fact]
    public async Task A_429_is_honoured_no_send_before_retry_after_ends_and_the_reply_still_arrives()
    {
        var person = NewPerson();
        Telegram.FailNext("sendMessage", 429, retryAfter: 2);

        await person.SayAsync("/start");

        var sends = Telegram.Calls("sendMessage");
        Assert.Equal(429, sends[0].StatusCode);
        var reopens = sends[0].ReceivedAtUtc.AddSeconds(2);
        Assert.All(sends.Skip(1), call => Assert.True(call.ReceivedAtUtc >= reopens, $"A send at {call.ReceivedAtUtc:O} came before {reopens:O}"));
        Assert.All(sends.Skip(1), call => Assert.True(call.Succeeded));
        Assert.Contains("Selamat datang di AsnBot", person.LastText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_403_marks_the_person_unreachable_on_Telegram_and_is_not_retried()
    {
        var person = NewPerson();
        await person.RegisterAsync();
        var sentBefore = Telegram.Calls("sendMessage", person.ChatId).Count;
        Telegram.BlockChat(person.ChatId);

        await person.SayAsync("menu");

        Assert.Single(Telegram.Calls("sendMessage", person.ChatId).Skip(sentBefore), call => call.StatusCode == 403);
        Assert.Equal(sentBefore + 1, Telegram.Calls("sendMessage", person.ChatId).Count);
        var account = await App.QueryAsync(db => db.Set<ChannelAccount>().SingleAsync());
        Assert.False(account.IsReachable);
    }

    [Fact]
    public async Task A_500_is_retried_and_the_reply_arrives_once()
    {
        var person = NewPerson();
        Telegram.FailNext("sendMessage", 500);

        await person.SayAsync("/start");

        var sends = Telegram.Calls("sendMessage");
        Assert.Equal(500, sends[0].StatusCode);
        Assert.Single(Telegram.BotMessages(person.ChatId), m => m.Text.Contains("Selamat datang", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_sender_reports_an_unknown_chat_as_gone()
    {
        var sender = App.Services.GetServices<IChannelSender>().Single(s => s.Channel == "telegram");

        var result = await sender.SendAsync(new ChannelUser("telegram", "987654321"), new Reply("Halo"), fromPart: 0, CancellationToken.None);

        Assert.Equal(SendStatus.RecipientGone, result.Status);
    }

    [Fact]
    public async Task A_429_from_the_sender_is_reported_as_throttled_with_retry_after()
    {
        var person = NewPerson();
        var sender = App.Services.GetServices<IChannelSender>().Single(s => s.Channel == "telegram");
        Telegram.FailNext("sendMessage", 429, retryAfter: 3);

        var result = await sender.SendAsync(new ChannelUser("telegram", person.ChatId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new Reply("Halo"), fromPart: 0, CancellationToken.None);

        Assert.Equal(SendStatus.Throttled, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(3), result.RetryAfter);
    }

    [Fact]
    public async Task A_broadcast_button_pressed_on_Telegram_is_acknowledged_and_counted_once()
    {
        var person = NewPerson();
        await person.RegisterAsync();
        long id;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var broadcasts = scope.ServiceProvider.GetRequiredService<BroadcastService>();
            id = await broadcasts.CreateAsync(new BroadcastDraft("Mohon dibaca: jadwal pelatihan berubah.", ["Sudah dibaca"], null, null, "tester"), CancellationToken.None);
            // Enqueued as a send does within working hours; then due now, whatever the hour the test runs at.
            await BroadcastAudience.EnqueueAsync(
                scope.ServiceProvider.GetRequiredService<AsnBotDbContext>(), id, scope.ServiceProvider.GetRequiredService<DeliveryWindow>(), DateTimeOffset.UtcNow, CancellationToken.None);
        }
        await App.QueryAsync(db => db.Set<OutboxMessage>().Where(m => m.BroadcastId == id)
            .ExecuteUpdateAsync(row => row.SetProperty(m => m.NotBefore, DateTimeOffset.UtcNow)));
        await Telegram.WaitForChatAsync(person.ChatId, messages => messages.Any(m => m.Keyboard?.FindByText("Sudah dibaca") is not null), TelegramPerson.Patience);

        await person.PressAsync("Sudah dibaca");
        Assert.Contains("sudah kami catat", person.LastText, StringComparison.Ordinal);
        await person.PressAsync("Sudah dibaca");

        var stats = await App.QueryAsync(db => BroadcastStatistics.ForAsync(db, id, CancellationToken.None));
        Assert.Equal(1, stats!.Responded);
        Assert.Equal(1, stats.ClicksByButton["Sudah dibaca"]);
    }

    [Fact]
    public async Task A_long_text_is_split_at_paragraphs_with_the_keyboard_under_the_last_part()
    {
        var person = NewPerson();
        var sender = App.Services.GetServices<IChannelSender>().Single(s => s.Channel == "telegram");
        string[] paragraphs = [new string('a', 3000), new string('b', 3000), "Pilih <satu> & lanjut " + new string('c', 2000)];
        var reply = new Reply(string.Join("\n\n", paragraphs)) { Choices = [new ReplyChoice("Ya", "ya"), new ReplyChoice("Tidak", "tidak")] };

        var result = await sender.SendAsync(new ChannelUser("telegram", person.ChatId.ToString(System.Globalization.CultureInfo.InvariantCulture)), reply, fromPart: 0, CancellationToken.None);

        Assert.Equal(SendStatus.Sent, result.Status);
        var messages = Telegram.BotMessages(person.ChatId);
        Assert.Equal(paragraphs, messages.Select(m => m.Text));
        Assert.All(messages, m => Assert.True(m.Text.Length <= 4096));
        Assert.Null(messages[0].Keyboard);
        Assert.Null(messages[1].Keyboard);
        Assert.Equal(["Ya", "Tidak"], messages[2].Keyboard!.Buttons.Select(b => b.Text));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(429)]
    public async Task A_long_reply_whose_second_part_fails_goes_on_from_that_part_and_no_part_arrives_twice(int errorCode)
    {
        var person = NewPerson();
        var replies = App.Services.GetRequiredService<TelegramReplies>();
        string[] paragraphs = [new string('a', 3000), new string('b', 3000), "Lanjut? " + new string('c', 2000)];
        var reply = new Reply(string.Join("\n\n", paragraphs)) { Choices = [new ReplyChoice("Ya", "ya"), new ReplyChoice("Tidak", "tidak")] };
        var fault = Telegram.FailNext("sendMessage", errorCode, retryAfter: errorCode == 429 ? 1 : null, after: 1);

        await replies.DeliverAsync(new ChannelUser("telegram", person.ChatId.ToString(System.Globalization.CultureInfo.InvariantCulture)), [reply], CancellationToken.None);

        Assert.Equal(1, fault.TimesApplied);
        Assert.Equal(paragraphs, Telegram.BotMessages(person.ChatId).Select(m => m.Text));
        Assert.Equal([200, errorCode, 200, 200], Telegram.Calls("sendMessage", person.ChatId).Select(c => c.StatusCode));
    }
}
