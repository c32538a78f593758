using System.Diagnostics;
using AsnBot.Knowledge.Persistence;
using AsnBot.Observability;
using Microsoft.Extensions.Options;

namespace AsnBot.Conversations;

/// <summary>
/// SQLite has one writer at a time. Turns that queue on its busy handler sleep in growing
/// steps (up to 100 ms each) and wake in no order, which under load turns a 2 ms turn into a
/// half-second one. So on SQLite writers wait here instead, first come first served, and reach
/// the database one by one: a turn that runs writing actions, or the leader of a batch of other
/// turns' writes (see <see cref="TurnStore"/>). Server databases let turns run side by side.
/// <para>
/// How long the writer was held and waited for is counted by <see cref="BotMetrics"/>: held
/// near all the time, it is what bounds the turns a second, however many cores are free.
/// </para>
/// </summary>
public sealed class TurnGate(IOptions<DatabaseOptions> options, BotMetrics metrics) : IDisposable
{
    private readonly SemaphoreSlim? _writer = options.Value.Provider == DatabaseProvider.Sqlite ? new SemaphoreSlim(1, 1) : null;

    /// <param name="holder">Who takes the writer, for the metrics: <see cref="WriterHolders"/>.</param>
    public async ValueTask<Entry> EnterAsync(string holder, CancellationToken cancellationToken)
    {
        if (_writer is null)
            return default;
        var asked = Stopwatch.GetTimestamp();
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        var entered = Stopwatch.GetTimestamp();
        metrics.WriterWaited(holder, Stopwatch.GetElapsedTime(asked, entered));
        return new Entry(this, holder, entered);
    }

    public void Dispose() => _writer?.Dispose();

    private void Leave(string holder, long entered)
    {
        metrics.WriterHeld(holder, Stopwatch.GetElapsedTime(entered));
        _writer!.Release();
    }

    public readonly struct Entry(TurnGate? gate, string holder, long entered) : IDisposable
    {
        public void Dispose() => gate?.Leave(holder, entered);
    }
}

/// <summary>Who holds the SQLite writer, as the metrics name them.</summary>
public static class WriterHolders
{
    /// <summary>A batch of turns' receipts and states (<see cref="TurnStore"/>).</summary>
    public const string Batch = "batch";

    /// <summary>A turn that runs writing actions, in its own transaction.</summary>
    public const string Actions = "actions";

    /// <summary>A batch of old inbound receipts deleted (<see cref="ReceiptPruning"/>).</summary>
    public const string Pruning = "pruning";
}
