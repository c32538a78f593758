using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace AsnBot.Delivery;

/// <summary>
/// A channel's overall pace. The platform counts messages as they arrive at its servers, which
/// is some unknown time after we start a send and before we see its answer; on a busy machine
/// or network that time varies by more than the spacing of the sends (33 ms at Telegram's 30/s),
/// so pacing the starts alone let a slow send's arrival bunch with faster later ones, and any
/// safety margin would have to guess the jitter. Instead each send holds one of the limit's
/// slots from its start until one window after its answer came back: the message arrived before
/// that answer, and the send that reuses the slot starts (so arrives) only after the window, so
/// no window at the server ever holds more than the limit, whatever the latency. The price is
/// the round trip per slot each window (1 s + 5 ms on loopback is 99.5% of the limit; 1 s +
/// 100 ms to the real Bot API is 91%), which is what a limit that must not be exceeded costs.
/// Starts are also spaced 1/rate apart on a schedule that keeps its place when the process
/// wakes late (timers fire late on a busy machine), so the slots are used evenly rather than in
/// a burst at the start of each window. After an idle spell the schedule restarts at now. A 429
/// pauses the whole schedule.
/// </summary>
public sealed class SendPace
{
    private static readonly TimeSpan CatchUp = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private static readonly SendTurn Unlimited = new(DateTimeOffset.MinValue);
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _spacing;
    private readonly int _perWindow;
    // Turns still holding a slot: in flight, or answered less than a window ago.
    private readonly List<SendTurn> _holding = [];
    private TaskCompletionSource _answered = NewSignal();
    private Task _lastInLine = Task.CompletedTask;
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

    /// <summary>Waits for a slot and this send's place on the schedule; the caller reports <see cref="Answered"/>.</summary>
    public async Task<SendTurn> WaitTurnAsync(CancellationToken cancellationToken)
    {
        if (!IsLimited)
            return Unlimited;
        // Callers take turns in the order they asked: each waits for the one before it to have its turn.
        var mine = NewSignal();
        Task previous;
        lock (_gate)
        {
            previous = _lastInLine;
            _lastInLine = mine.Task;
        }
        try
        {
            await previous.WaitAsync(cancellationToken).ConfigureAwait(false);
            while (true)
            {
                if (TryTake(out var turn, out var retryAt, out var answered))
                    return turn;
                // Every slot is in flight when there is no time to retry at: the next answer says when one frees.
                if (retryAt is null)
                    await answered.WaitAsync(cancellationToken).ConfigureAwait(false);
                else if (retryAt.Value - _time.GetUtcNow() is { Ticks: > 0 } wait)
                    await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            mine.TrySetResult();
        }
    }

    /// <summary>
    /// Takes a turn now if the schedule and a slot allow it; otherwise says when to look again
    /// (null: when a send in flight is answered).
    /// </summary>
    public bool TryTake([NotNullWhen(true)] out SendTurn? turn, out DateTimeOffset? retryAt) => TryTake(out turn, out retryAt, out _);

    private bool TryTake([NotNullWhen(true)] out SendTurn? turn, out DateTimeOffset? retryAt, out Task answered)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            answered = _answered.Task;
            retryAt = null;
            turn = null;
            if (!IsLimited)
            {
                turn = Unlimited;
                return true;
            }
            _holding.RemoveAll(t => t.AnsweredAt is { } at && at + Window <= now);
            if (_next < now - CatchUp)
                _next = now;
            var free = _holding.Count < _perWindow ? now : FirstRelease();
            if (free is null)
                return false;
            if (_next > now || free > now)
            {
                retryAt = _next > free ? _next : free;
                return false;
            }
            // The schedule advances from its own slot, not from now, so small holds do not add up into a slower pace.
            _next += _spacing;
            turn = new SendTurn(now);
            _holding.Add(turn);
            return true;
        }
    }

    /// <summary>The send of <paramref name="turn"/> has its answer (or gave up): its slot frees one window from now.</summary>
    public void Answered(SendTurn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (ReferenceEquals(turn, Unlimited))
            return;
        TaskCompletionSource answered;
        lock (_gate)
        {
            turn.AnsweredAt ??= _time.GetUtcNow();
            answered = _answered;
            _answered = NewSignal();
        }
        answered.TrySetResult();
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

    private DateTimeOffset? FirstRelease()
    {
        DateTimeOffset? first = null;
        foreach (var turn in _holding)
        {
            if (turn.AnsweredAt is { } answered && (first is null || answered + Window < first))
                first = answered + Window;
        }
        return first;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>One send's hold on a <see cref="SendPace"/> slot.</summary>
public sealed class SendTurn(DateTimeOffset startedAt)
{
    public DateTimeOffset StartedAt { get; } = startedAt;

    public DateTimeOffset? AnsweredAt { get; internal set; }
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
/// per conversation). A send that would break one is not made: the caller reschedules it. As in
/// <see cref="SendPace"/>, a send counts from its answer once that is known (<see cref="Answered"/>),
/// since the platform saw it somewhere between start and answer.
/// </summary>
public sealed class AddressPace(IReadOnlyList<AddressLimit> limits)
{
    private const int ForgetAfter = 10_000;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<DateTimeOffset>> _recent = new(StringComparer.Ordinal);
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
                _recent[address] = sent = [];
            sent.RemoveAll(t => t <= now - _longest);
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
            sent.Add(now);
            return true;
        }
    }

    /// <summary>The send to <paramref name="address"/> taken at <paramref name="takenAt"/> was answered at <paramref name="answeredAt"/>.</summary>
    public void Answered(string address, DateTimeOffset takenAt, DateTimeOffset answeredAt)
    {
        if (limits.Count == 0)
            return;
        lock (_gate)
        {
            if (!_recent.TryGetValue(address, out var sent))
                return;
            var index = sent.IndexOf(takenAt);
            if (index < 0)
                return;
            sent.RemoveAt(index);
            // Kept in time order, so the oldest is first and the window arithmetic stays right.
            var at = sent.FindLastIndex(t => t <= answeredAt) + 1;
            sent.Insert(at, answeredAt);
        }
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var (address, sent) in _recent.Where(e => e.Value.Count == 0 || e.Value.Last() <= now - _longest).ToList())
            _recent.Remove(address);
    }
}
