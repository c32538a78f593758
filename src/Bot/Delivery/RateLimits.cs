using System.Globalization;

namespace AsnBot.Delivery;

/// <summary>
/// A channel's overall pace: sends are spaced 1/rate apart on a schedule that keeps its place
/// when the process wakes late (timers fire late on a busy machine), so the achieved rate holds
/// at the limit; and never more than the limit within any one second, checked against the
/// actual send times, so catching up never bursts past it. After an idle spell the schedule
/// restarts at now. A 429 pauses the whole schedule.
/// </summary>
public sealed class SendPace
{
    private static readonly TimeSpan CatchUp = TimeSpan.FromSeconds(1);
    // A little over a second: the platform stamps a message a moment after we do, and a thread
    // paused between the two must not let a second hold one message too many. Costs 1% of the rate.
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1.01);
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _spacing;
    private readonly int _perWindow;
    private readonly Queue<DateTimeOffset> _recent = new();
    private DateTimeOffset _next = DateTimeOffset.MinValue;

    public SendPace(double messagesPerSecond, TimeProvider time)
    {
        _time = time;
        if (messagesPerSecond <= 0)
            return;
        _spacing = TimeSpan.FromSeconds(1 / messagesPerSecond);
        _perWindow = Math.Max(1, (int)Math.Floor(messagesPerSecond));
    }

    public bool IsLimited => _spacing > TimeSpan.Zero;

    /// <summary>Waits for this send's turn. Callers take turns one after another.</summary>
    public async Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        if (!IsLimited)
            return;
        TimeSpan wait;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (_next < now - CatchUp)
                _next = now;
            var turn = _next;
            // The schedule advances from its own slot, not from a send the window held back,
            // so small holds do not add up into a slower pace.
            _next = turn + _spacing;
            if (_recent.Count >= _perWindow && _recent.Peek() + Window > turn)
                turn = _recent.Peek() + Window;
            wait = turn - now;
        }
        if (wait > TimeSpan.Zero)
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            _recent.Enqueue(_time.GetUtcNow());
            while (_recent.Count > _perWindow)
                _recent.Dequeue();
        }
    }

    /// <summary>The platform said "too many": nobody on this channel sends before <paramref name="until"/>.</summary>
    public void PauseUntil(DateTimeOffset until)
    {
        lock (_gate)
        {
            if (_next < until)
                _next = until;
        }
    }
}

/// <summary>At most <see cref="Count"/> messages to one address per <see cref="Window"/>.</summary>
public sealed record AddressLimit(int Count, TimeSpan Window)
{
    /// <summary>Parses "7/1s,8/2s,60/30s"; empty means no per-address limit.</summary>
    public static bool TryParseList(string? text, out IReadOnlyList<AddressLimit> limits)
    {
        var list = new List<AddressLimit>();
        limits = list;
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split('/');
            if (pieces.Length != 2 || !pieces[1].EndsWith('s')
                || !int.TryParse(pieces[0], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1
                || !double.TryParse(pieces[1][..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
                return false;
            list.Add(new AddressLimit(count, TimeSpan.FromSeconds(seconds)));
        }
        return true;
    }
}

/// <summary>
/// Sliding windows per address (Telegram: 1 per second per chat; Teams: 7/1 s, 8/2 s, 60/30 s
/// per conversation). A send that would break one is not made: the caller reschedules it.
/// </summary>
public sealed class AddressPace(IReadOnlyList<AddressLimit> limits)
{
    private const int ForgetAfter = 10_000;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _recent = new(StringComparer.Ordinal);
    private readonly TimeSpan _longest = limits.Count == 0 ? TimeSpan.Zero : limits.Max(l => l.Window);

    /// <summary>Takes a slot for a send now, or says how long until one is free.</summary>
    public bool TryTake(string address, DateTimeOffset now, out TimeSpan wait)
    {
        wait = TimeSpan.Zero;
        if (limits.Count == 0)
            return true;
        lock (_gate)
        {
            if (_recent.Count > ForgetAfter)
                Forget(now);
            if (!_recent.TryGetValue(address, out var sent))
                _recent[address] = sent = new Queue<DateTimeOffset>();
            while (sent.Count > 0 && sent.Peek() <= now - _longest)
                sent.Dequeue();
            foreach (var limit in limits)
            {
                var inWindow = sent.Where(t => t > now - limit.Window).ToList();
                if (inWindow.Count >= limit.Count)
                {
                    var free = inWindow[inWindow.Count - limit.Count] + limit.Window - now;
                    if (free > wait)
                        wait = free;
                }
            }
            if (wait > TimeSpan.Zero)
                return false;
            sent.Enqueue(now);
            return true;
        }
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var (address, sent) in _recent.Where(e => e.Value.Count == 0 || e.Value.Last() <= now - _longest).ToList())
            _recent.Remove(address);
    }
}
