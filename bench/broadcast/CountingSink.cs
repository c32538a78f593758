using System.Collections.Concurrent;
using AsnBot.Conversations;
using AsnBot.Conversations.Engine;
using AsnBot.Delivery;

namespace AsnBot.Bench.Broadcast;

/// <summary>
/// An in-process stand-in for the Telegram Bot API: counts every message and, like Telegram,
/// answers 429 (Throttled, retry_after 1 s) when more than <see cref="LimitPerSecond"/> arrive
/// within one wall-clock second, or more than one to the same chat within a second.
/// </summary>
public sealed class CountingSink(TimeProvider time) : IChannelSender
{
    private readonly ConcurrentDictionary<long, int> _perSecond = new();
    private readonly ConcurrentDictionary<string, long> _lastSecondPerChat = new(StringComparer.Ordinal);
    private long _sent;
    private long _throttled;
    private long _firstTicks;
    private long _lastTicks;

    public string Channel => "telegram";

    /// <summary>0 = no limit.</summary>
    public int LimitPerSecond { get; set; }

    public long SentCount => Interlocked.Read(ref _sent);
    public long ThrottledCount => Interlocked.Read(ref _throttled);
    public DateTimeOffset FirstSend => new(Interlocked.Read(ref _firstTicks), TimeSpan.Zero);
    public DateTimeOffset LastSend => new(Interlocked.Read(ref _lastTicks), TimeSpan.Zero);

    public void Reset()
    {
        _perSecond.Clear();
        _lastSecondPerChat.Clear();
        Interlocked.Exchange(ref _sent, 0);
        Interlocked.Exchange(ref _throttled, 0);
        Interlocked.Exchange(ref _firstTicks, 0);
    }

    public Task<SendResult> SendAsync(ChannelUser to, Reply reply, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var second = now.UtcTicks / TimeSpan.TicksPerSecond;
        if (LimitPerSecond > 0)
        {
            if (_perSecond.AddOrUpdate(second, 1, (_, n) => n + 1) > LimitPerSecond
                || _lastSecondPerChat.TryGetValue(to.Address, out var last) && last == second)
            {
                Interlocked.Increment(ref _throttled);
                return Task.FromResult(new SendResult(SendStatus.Throttled, TimeSpan.FromSeconds(1), "429 Too Many Requests"));
            }
            _lastSecondPerChat[to.Address] = second;
        }
        Interlocked.CompareExchange(ref _firstTicks, now.UtcTicks, 0);
        Interlocked.Exchange(ref _lastTicks, now.UtcTicks);
        Interlocked.Increment(ref _sent);
        return Task.FromResult(SendResult.Sent);
    }
}
