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
    public void A_chats_second_counts_from_the_answer_to_its_last_message_since_telegram_saw_it_before_then()
    {
        Assert.True(AddressLimit.TryParseList("1/1s", out var limits));
        var pace = new AddressPace(limits);
        var now = new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);

        Assert.True(pace.TryTake("42", now, out _));
        pace.Answered("42", now, now.AddMilliseconds(300));
        Assert.False(pace.TryTake("42", now.AddSeconds(1), out var wait));
        Assert.Equal(TimeSpan.FromMilliseconds(300), wait);
        Assert.True(pace.TryTake("42", now.AddSeconds(1.3), out _));
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
        pace.Answered(await pace.WaitTurnAsync(CancellationToken.None));
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
        var turns = new List<Task<SendTurn>>();
        for (var i = 0; i < 5; i++)
            turns.Add(pace.WaitTurnAsync(CancellationToken.None));
        // Each send is answered at once, so its slot frees one second after its start.
        foreach (var turn in turns)
            _ = turn.ContinueWith(t => pace.Answered(t.Result), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        // No burst: the first at once, then one every 250 ms.
        Assert.Equal(1, turns.Count(t => t.IsCompleted));
        time.Advance(TimeSpan.FromMilliseconds(250));
        await turns[1].WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(turns[2].IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(750));
        await Task.WhenAll(turns).WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData(30, 1, 10)]
    [InlineData(1000, 1, 10)]
    public void Sends_reach_98_percent_of_the_limit_and_never_more_than_the_limit_arrive_within_a_second(int limit, int minLatencyMs, int maxLatencyMs)
    {
        var (starts, arrivals) = Simulate(limit, minLatencyMs, maxLatencyMs, TimeSpan.FromSeconds(20));

        Assert.True(MostWithinOneSecond(starts) <= limit, $"{MostWithinOneSecond(starts)} starts within a second");
        Assert.True(MostWithinOneSecond(arrivals) <= limit, $"{MostWithinOneSecond(arrivals)} arrivals within a second");
        Assert.True(starts.Count >= 0.98 * limit * 20, $"{starts.Count} sends in 20 s at {limit}/s");
    }

    [Fact]
    public void Latency_that_varies_by_far_more_than_the_spacing_never_lets_arrivals_bunch_past_the_limit()
    {
        // 5 to 400 ms: a slow send followed by fast ones is what made arrivals bunch when only starts were paced.
        var (starts, arrivals) = Simulate(30, 5, 400, TimeSpan.FromSeconds(30));

        Assert.True(MostWithinOneSecond(arrivals) <= 30, $"{MostWithinOneSecond(arrivals)} arrivals within a second");
        Assert.True(starts.Count >= 600, $"only {starts.Count} sends in 30 s");
    }

    /// <summary>
    /// A sender that takes every turn the pace gives, on a fake clock moved 1 ms at a time. Each
    /// send's answer comes after a latency between the bounds, and the platform sees it at a
    /// point between its start and its answer; both come from a seeded generator.
    /// </summary>
    private static (List<DateTimeOffset> Starts, List<DateTimeOffset> Arrivals) Simulate(int limit, int minLatencyMs, int maxLatencyMs, TimeSpan duration)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero));
        var end = time.GetUtcNow() + duration;
        var pace = new SendPace(limit, time);
        var random = new Random(limit);
        var inFlight = new List<(SendTurn Turn, DateTimeOffset AnswerAt)>();
        var starts = new List<DateTimeOffset>();
        var arrivals = new List<DateTimeOffset>();
        while (time.GetUtcNow() < end)
        {
            var now = time.GetUtcNow();
            foreach (var answered in inFlight.Where(f => f.AnswerAt <= now).ToList())
            {
                pace.Answered(answered.Turn);
                inFlight.Remove(answered);
            }
            while (pace.TryTake(out var turn, out _))
            {
                var latency = TimeSpan.FromMilliseconds(random.Next(minLatencyMs, maxLatencyMs + 1));
                inFlight.Add((turn, now + latency));
                starts.Add(now);
                arrivals.Add(now + latency * random.NextDouble());
            }
            time.Advance(TimeSpan.FromMilliseconds(1));
        }
        arrivals.Sort();
        return (starts, arrivals);
    }

    private static int MostWithinOneSecond(List<DateTimeOffset> times)
    {
        var most = 0;
        var first = 0;
        for (var last = 0; last < times.Count; last++)
        {
            while (times[last] - times[first] >= TimeSpan.FromSeconds(1))
                first++;
            most = Math.Max(most, last - first + 1);
        }
        return most;
    }

    [Fact]
    public void Delivery_settings_are_checked_with_a_sentence_naming_the_key()
    {
        Assert.Null(new DeliveryOptions().Problem());
        Assert.Contains("Delivery:Telegram:MessagesPerSecond", new DeliveryOptions { Telegram = new ChannelLimits { MessagesPerSecond = -1 } }.Problem(), StringComparison.Ordinal);
        Assert.Contains("Delivery:Teams:PerAddress", new DeliveryOptions { Teams = new ChannelLimits { PerAddress = "x" } }.Problem(), StringComparison.Ordinal);
    }
}
