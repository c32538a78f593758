namespace AsnBot.TestPeers.Telegram;

/// <summary>Thread-safe record of every Bot API call, in arrival order, with rate views over it.</summary>
internal sealed class CallLog
{
    private readonly Lock _gate = new();
    private readonly List<CallRecord> _records = [];
    private long _lastSequence;

    public AsyncSignal Changed { get; } = new();

    public long NextSequence() => Interlocked.Increment(ref _lastSequence);

    public void Add(CallRecord record)
    {
        lock (_gate)
        {
            _records.Add(record);
        }

        Changed.Pulse();
    }

    /// <summary>Calls of one method (case-insensitive), or all calls when <paramref name="method"/> is null.</summary>
    public IReadOnlyList<CallRecord> Calls(string? method = null, long? chatId = null)
    {
        lock (_gate)
        {
            return [.. _records
                .Where(record => Matches(record, method, chatId))
                .OrderBy(record => record.Sequence)];
        }
    }

    public IReadOnlyList<RateBucket> PerSecond(string? method, long? chatId) =>
        [.. Calls(method, chatId)
            .GroupBy(record => TruncateToSecond(record.ReceivedAtUtc))
            .Select(group => new RateBucket(group.Key, group.Count()))];

    /// <summary>The largest number of matching calls that arrived within any sliding window of the given length.</summary>
    public int PeakWithin(TimeSpan window, string? method, long? chatId)
    {
        var times = Calls(method, chatId).Select(record => record.ReceivedAtUtc).Order().ToList();
        var peak = 0;
        var start = 0;
        for (var end = 0; end < times.Count; end++)
        {
            while (times[end] - times[start] >= window)
            {
                start++;
            }

            peak = Math.Max(peak, end - start + 1);
        }

        return peak;
    }

    private static bool Matches(CallRecord record, string? method, long? chatId) =>
        (method is null || string.Equals(record.Method, method, StringComparison.OrdinalIgnoreCase))
        && (chatId is null || record.ChatId == chatId);

    private static DateTime TruncateToSecond(DateTime moment) =>
        new(moment.Ticks - (moment.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
}
