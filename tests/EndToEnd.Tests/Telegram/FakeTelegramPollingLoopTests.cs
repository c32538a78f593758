using System.Threading.Channels;
using Telegram.Bot;
using Telegram.Bot.Polling;
using Telegram.Bot.Types;

namespace AsnBot.EndToEnd.Tests.Telegram;

/// <summary>Telegram.Bot's own polling loop, the way a bot host consumes updates, works against the fake.</summary>
[Trait("Category", "EndToEnd")]
public sealed class FakeTelegramPollingLoopTests : FakeTelegramTestBase
{
    [Fact]
    public async Task Library_polling_loop_receives_updates_in_order_and_confirms_them()
    {
        var user = Server.CreateUser();
        var received = Channel.CreateUnbounded<Update>();
        using var stop = new CancellationTokenSource();
        Bot.StartReceiving(
            (_, update, ct) => received.Writer.WriteAsync(update, ct).AsTask(),
            (_, _, _, _) => Task.CompletedTask,
            new ReceiverOptions(),
            stop.Token);
        await Server.WaitForLongPollAsync(Patience);

        var first = Server.SendText(user.Id, "satu");
        var second = Server.SendText(user.Id, "dua");
        using var deadline = new CancellationTokenSource(Patience);
        var updates = new[] { await received.Reader.ReadAsync(deadline.Token), await received.Reader.ReadAsync(deadline.Token) };
        await Server.WaitForUpdatesConsumedAsync(Patience);
        await stop.CancelAsync();

        Assert.Equal([first.UpdateId, second.UpdateId], updates.Select(update => (long?)update.Id));
    }
}
