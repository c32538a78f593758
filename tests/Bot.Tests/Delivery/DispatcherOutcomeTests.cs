using AsnBot.Broadcasts;
using AsnBot.Delivery;
using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsnBot.Bot.Tests.Delivery;

public sealed class DispatcherOutcomeTests
{
    private static BroadcastDraft ToTestChannel(string text = "Pengumuman", IReadOnlyList<string>? buttons = null) =>
        new(text, buttons, new AudienceFilter { Channels = ["test"] }, null, "tester");

    [Fact]
    public async Task A_due_message_is_sent_once_and_marked_sent()
    {
        await using var bot = new OutboxFixture();
        await bot.AddPersonAsync("chat-1");
        var id = await bot.SendBroadcastAsync(ToTestChannel("Rapat koordinasi besok", ["Sudah dibaca"]));

        Assert.Equal(1, await bot.Dispatcher.DispatchOnceAsync(CancellationToken.None));
        Assert.Equal(0, await bot.Dispatcher.DispatchOnceAsync(CancellationToken.None));

        var (to, reply) = Assert.Single(bot.Sender.Sent);
        Assert.Equal("chat-1", to.Address);
        Assert.Equal("Rapat koordinasi besok", reply.Text);
        Assert.Equal(BroadcastMessage.ButtonValue(id, 0), Assert.Single(reply.Choices).Value);
        var stats = await bot.StatisticsAsync(id);
        Assert.Equal((1, 1), (stats.Targeted, stats.Sent));
    }

    [Fact]
    public async Task Throttled_goes_back_to_pending_until_retry_after_without_using_an_attempt()
    {
        await using var bot = new OutboxFixture();
        await bot.AddPersonAsync("chat-1");
        bot.Sender.Answer("chat-1", new SendResult(SendStatus.Throttled, TimeSpan.FromSeconds(7)));
        await bot.SendBroadcastAsync(ToTestChannel());

        await bot.Dispatcher.DispatchOnceAsync(CancellationToken.None);
        var row = Assert.Single(await bot.RowsAsync());
        Assert.Equal(OutboxStatus.Pending, row.Status);
        Assert.Equal(0, row.Attempts);
        Assert.Equal(bot.Time.GetUtcNow().AddSeconds(7), row.NotBefore);

        bot.Time.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(0, await bot.Dispatcher.DispatchOnceAsync(CancellationToken.None));
        bot.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await bot.Dispatcher.DispatchOnceAsync(CancellationToken.None));
        Assert.Equal(OutboxStatus.Sent, Assert.Single(await bot.RowsAsync()).Status);
    }

    [Fact]
    public async Task Recipient_gone_marks_the_row_unreachable_and_the_account_unreachable()
    {
        await using var bot = new OutboxFixture();
        await bot.AddPersonAsync("blocked");
        await bot.AddPersonAsync("fine");
        bot.Sender.Answer("blocked", new SendResult(SendStatus.RecipientGone, Error: "403 blocked by user"));
        var id = await bot.SendBroadcastAsync(ToTestChannel());

        await bot.Dispatcher.DispatchOnceAsync(CancellationToken.None);

        var stats = await bot.StatisticsAsync(id);
        Assert.Equal((2, 1, 1), (stats.Targeted, stats.Sent, stats.Unreachable));
        Assert.False(await bot.App.QueryAsync(db => db.Set<ChannelAccount>().Where(c => c.Address == "blocked").Select(c => c.IsReachable).SingleAsync()));
        // The next broadcast leaves the unreachable address out.
        var next = await bot.SendBroadcastAsync(ToTestChannel("Kedua"));
        Assert.Equal(1, (await bot.StatisticsAsync(next)).Targeted);
    }

    [Fact]
    public async Task Failed_sends_are_retried_with_growing_jittered_delays_then_failed_at_the_attempt_limit()
    {
        await using var bot = new OutboxFixture();
        await bot.AddPersonAsync("flaky");
        var failure = new SendResult(SendStatus.Failed, Error: "500 Internal Server Error");
        bot.Sender.Answer("flaky", failure, failure, failure);
        var id = await bot.SendBroadcastAsync(ToTestChannel());

        await bot.Dispatcher.DispatchOnceAsync(CancellationToken.None);
        var first = Assert.Single(await bot.RowsAsync());
        Assert.Equal((OutboxStatus.Pending, 1), (first.Status, first.Attempts));
        var delay = first.NotBefore - bot.Time.GetUtcNow();
        Assert.InRange(delay, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15));
        Assert.Equal("500 Internal Server Error", first.LastError);

        bot.Time.Advance(delay);
        await bot.Dispatcher.DispatchOnceAsync(CancellationToken.None);
        var second = Assert.Single(await bot.RowsAsync());
        Assert.Equal(2, second.Attempts);
        Assert.InRange(second.NotBefore - bot.Time.GetUtcNow(), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30));

        bot.Time.Advance(second.NotBefore - bot.Time.GetUtcNow());
        await bot.Dispatcher.DispatchOnceAsync(CancellationToken.None);
        Assert.Equal(OutboxStatus.Failed, Assert.Single(await bot.RowsAsync()).Status);
        Assert.Equal(1, (await bot.StatisticsAsync(id)).Failed);
        Assert.Empty(bot.Sender.Sent);
    }

    [Fact]
    public async Task Cancel_mid_broadcast_stops_the_remaining_rows()
    {
        await using var bot = new OutboxFixture(settings: new() { ["Delivery:BatchSize"] = "2" });
        for (var i = 0; i < 5; i++)
            await bot.AddPersonAsync($"chat-{i}");
        var id = await bot.SendBroadcastAsync(ToTestChannel());

        Assert.Equal(2, await bot.Dispatcher.DispatchOnceAsync(CancellationToken.None));
        await using (var scope = bot.App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<BroadcastService>().CancelAsync(id, CancellationToken.None);
        Assert.Equal(0, await bot.Dispatcher.DispatchOnceAsync(CancellationToken.None));

        var stats = await bot.StatisticsAsync(id);
        Assert.Equal((5, 2, 3, BroadcastStatus.Cancelled), (stats.Targeted, stats.Sent, stats.Cancelled, stats.Status));
        Assert.Equal(2, bot.Sender.Sent.Count);
    }

    [Fact]
    public async Task Rows_left_sending_by_a_dead_process_are_sent_after_the_lease()
    {
        await using var bot = new OutboxFixture(settings: new() { ["Delivery:ClaimLease"] = "00:00:30" });
        await bot.AddPersonAsync("chat-1");
        await bot.SendBroadcastAsync(ToTestChannel());
        // Another process claimed the row and died before recording anything.
        await bot.App.QueryAsync(db => OutboxStore.ClaimAsync(db, "test", 10, "dead-process", bot.Time.GetUtcNow(), CancellationToken.None));
        Assert.Equal(0, await bot.Dispatcher.DispatchOnceAsync(CancellationToken.None));

        bot.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, await bot.Dispatcher.RecoverExpiredClaimsAsync(CancellationToken.None));
        bot.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await bot.Dispatcher.RecoverExpiredClaimsAsync(CancellationToken.None));
        Assert.Equal(1, await bot.Dispatcher.DispatchOnceAsync(CancellationToken.None));
        Assert.Single(bot.Sender.Sent);
    }
}
