using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AsnBot.Observability;

/// <summary>
/// AsnBot's own instruments, exported at /metrics with ASP.NET Core's and the runtime's.
/// Tags are low-cardinality (channel, outcome), never a person or a message.
/// </summary>
public sealed class BotMetrics : IDisposable
{
    public const string MeterName = "AsnBot";

    private readonly Meter _meter;
    private readonly Counter<long> _turns;
    private readonly Counter<long> _replies;
    private readonly Histogram<double> _turnDuration;
    private readonly Histogram<int> _commitSize;
    private readonly Counter<double> _writerHeld;
    private readonly Counter<double> _writerWaited;

    public BotMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _meter = meters.Create(MeterName);
        _turns = _meter.CreateCounter<long>("asnbot.updates.handled", "{update}", "Inbound messages handled, by channel and outcome (handled, duplicate, stale-button, flood, failed, broadcast-button).");
        _replies = _meter.CreateCounter<long>("asnbot.replies", "{reply}", "Replies produced by the conversation engine, by channel.");
        _turnDuration = _meter.CreateHistogram<double>("asnbot.turn.duration", "ms", "Time to run one conversation turn, database included.");
        _commitSize = _meter.CreateHistogram<int>("asnbot.turn.commit_size", "{turn}", "Turns written by one commit where turns commit together (SQLite): about 1 when the bot is quiet, more under load.");
        _writerHeld = _meter.CreateCounter<double>("asnbot.database.writer.held", "s", "Time SQLite's one writer was held, by holder (batch: turns' receipts and states; actions: a turn running writing actions). Near one second a second, it bounds the turns a second.");
        _writerWaited = _meter.CreateCounter<double>("asnbot.database.writer.waited", "s", "Time spent waiting for SQLite's one writer, summed over everyone who waited, by holder.");
    }

    public Meter Meter => _meter;

    public void TurnHandled(string channel, string outcome, int replies, TimeSpan elapsed)
    {
        var channelTag = new KeyValuePair<string, object?>("channel", channel);
        _turns.Add(1, channelTag, new KeyValuePair<string, object?>("outcome", outcome));
        if (replies > 0)
            _replies.Add(replies, channelTag);
        _turnDuration.Record(elapsed.TotalMilliseconds, channelTag);
    }

    public void TurnsCommitted(int turns) => _commitSize.Record(turns);

    public void WriterHeld(string holder, TimeSpan held) => _writerHeld.Add(held.TotalSeconds, new KeyValuePair<string, object?>("holder", holder));

    public void WriterWaited(string holder, TimeSpan waited) => _writerWaited.Add(waited.TotalSeconds, new KeyValuePair<string, object?>("holder", holder));

    public static long Now() => Stopwatch.GetTimestamp();

    public void Dispose() => _meter.Dispose();
}
