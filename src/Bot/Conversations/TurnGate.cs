using AsnBot.Knowledge.Persistence;
using Microsoft.Extensions.Options;

namespace AsnBot.Conversations;

/// <summary>
/// SQLite has one writer at a time. Turns that queue on its busy handler sleep in growing
/// steps (up to 100 ms each) and wake in no order, which under load turns a 2 ms turn into a
/// half-second one. So on SQLite writers wait here instead, first come first served, and reach
/// the database one by one: a turn that runs writing actions, or the leader of a batch of other
/// turns' writes (see <see cref="TurnStore"/>). Server databases let turns run side by side.
/// </summary>
public sealed class TurnGate(IOptions<DatabaseOptions> options) : IDisposable
{
    private readonly SemaphoreSlim? _writer = options.Value.Provider == DatabaseProvider.Sqlite ? new SemaphoreSlim(1, 1) : null;

    public async ValueTask<Entry> EnterAsync(CancellationToken cancellationToken)
    {
        if (_writer is null)
            return default;
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Entry(_writer);
    }

    public void Dispose() => _writer?.Dispose();

    public readonly struct Entry(SemaphoreSlim? held) : IDisposable
    {
        public void Dispose() => held?.Release();
    }
}
