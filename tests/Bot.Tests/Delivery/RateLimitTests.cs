using AsnBot.Delivery;
using Microsoft.Extensions.Time.Testing;

namespace AsnBot.Bot.Tests.Delivery;

public sealed class RateLimitTests
{
    [Fact]
    public void Per_chat_windows_refuse_a_second_telegram_message_within_a_second()
    {
        Assert.True(AddressLimit.TryParseList("1/1s", out var limits));
        var pace = new AddressPace(limits);
        var now = new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);

        Assert.True(pace.TryTake("42", now, out _));
        Assert.True(pace.TryTake("43", now, out _));
        Assert.False(pace.TryTake("42", now.AddMilliseconds(400), out var wait));
        Assert.Equal(TimeSpan.FromMilliseconds(600), wait);
        Assert.True(pace.TryTake("42", now.AddSeconds(1), out _));
    }

    [Fact]
    public void Teams_conversation_windows_allow_seven_a_second_and_eight_in_two_seconds()
    {
        Assert.True(AddressLimit.TryParseList("7/1s,8/2s,60/30s", out var limits));
        var pace = new AddressPace(limits);
        var now = new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 7; i++)
            Assert.True(pace.TryTake("conv", now.AddMilliseconds(i), out _));
        Assert.False(pace.TryTake("conv", now.AddMilliseconds(10), out _));
        Assert.True(pace.TryTake("conv", now.AddSeconds(1), out _));
        Assert.False(pace.TryTake("conv", now.AddSeconds(1.5), out var wait));
        Assert.Equal(TimeSpan.FromSeconds(0.5), wait);
        Assert.False(AddressLimit.TryParseList("seven per second", out _));
    }

    [Fact]
    public async Task A_throttle_pauses_the_whole_channel_until_retry_after()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero));
        var pace = new SendPace(10, time);
        await pace.WaitTurnAsync(CancellationToken.None);
        pace.PauseUntil(time.GetUtcNow().AddSeconds(5));

        var next = pace.WaitTurnAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.1));
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Sends_are_spaced_at_the_configured_rate()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero));
        var pace = new SendPace(4, time);
        var turns = new List<Task>();
        for (var i = 0; i < 5; i++)
            turns.Add(pace.WaitTurnAsync(CancellationToken.None));
        // No burst: the first at once, then one every 250 ms.
        Assert.Equal(1, turns.Count(t => t.IsCompleted));
        time.Advance(TimeSpan.FromMilliseconds(250));
        await turns[1].WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(turns[2].IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(750));
        await Task.WhenAll(turns).WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Delivery_settings_are_checked_with_a_sentence_naming_the_key()
    {
        Assert.Null(new DeliveryOptions().Problem());
        Assert.Contains("Delivery:Telegram:MessagesPerSecond", new DeliveryOptions { Telegram = new ChannelLimits { MessagesPerSecond = -1 } }.Problem(), StringComparison.Ordinal);
        Assert.Contains("Delivery:Teams:PerAddress", new DeliveryOptions { Teams = new ChannelLimits { PerAddress = "x" } }.Problem(), StringComparison.Ordinal);
    }
}
