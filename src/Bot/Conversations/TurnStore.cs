using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.ExceptionServices;
using AsnBot.Knowledge.Conversations;
using AsnBot.Knowledge.Persistence;
using AsnBot.Observability;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace AsnBot.Conversations;

/// <summary>
/// Where turns that run no writing action read their conversation and commit their receipt and
/// state (see <see cref="TurnWrite"/>).
/// <para>
/// On SQLite every write reaches the database through <see cref="TurnGate"/>, one at a time, and
/// the time a turn held it bounded how many turns a second the bot could take (the
/// telegram-webhook bench found it held 83% of the time, a commit the largest part of each
/// hold). So such turns queue here with what they write, and whichever finds nobody committing
/// leads: it takes the gate, writes everything queued in one transaction, commits once, and hands
/// the lead to the first turn that queued meanwhile. Nobody waits for a timer: a turn alone
/// commits at once, and under load the turns that queued while the gate was held share the next
/// commit. Each turn's part looks for its receipt first and writes only over the version it read,
/// so a redelivery or a conflict writes nothing and leaves the others' parts alone.
/// </para>
/// <para>
/// On SQLite these turns also use connections of their own, kept open with their statements
/// prepared: one for the commits (only the leader uses it, under the gate) and a few for reads.
/// Opening a pooled connection through EF Core (which registers its SQL functions on every open),
/// leasing a pooled context and parsing each statement anew cost more than the statements.
/// </para>
/// <para>
/// On SQLite a turn also starts from what its person's last turn wrote, kept in a
/// <see cref="ConversationCache"/>, when it is there: only a miss reads.
/// </para>
/// <para>Server databases let turns write side by side: there each turn commits its own transaction on its context's connection.</para>
/// </summary>
public sealed class TurnStore(TurnGate gate, BotMetrics metrics, IOptions<DatabaseOptions> options, IServiceScopeFactory scopes) : IAsyncDisposable, IDisposable
{
    /// <summary>Most turns in one transaction: enough to carry any queue the webhook builds, few enough that no commit grows long.</summary>
    public const int MaxBatch = 64;

    /// <summary>Read connections kept open for later turns; more are opened when more turns read at once, and closed after.</summary>
    private const int ReadersKept = 16;

    private readonly bool _ownConnections = options.Value.Provider == DatabaseProvider.Sqlite;
    private readonly ConversationCache? _remembered = options.Value.Provider == DatabaseProvider.Sqlite ? new ConversationCache() : null;
    private readonly Queue<Pending> _queue = new();
    private readonly ConcurrentBag<TurnStatements> _readers = [];
    private readonly SemaphoreSlim _opening = new(1, 1);
    private (string ConnectionString, RelationalTypeMapping GuidMapping)? _sqlite;
    private TurnStatements? _writer;
    private bool _leading;
    private int _databaseReads;

    /// <summary>Turns waiting for a commit (their writes queued, the gate busy).</summary>
    internal int Queued
    {
        get
        {
            lock (_queue)
                return _queue.Count;
        }
    }

    /// <summary>Turns' reads of their conversation from the database, since start.</summary>
    internal int DatabaseReads => Volatile.Read(ref _databaseReads);

    /// <summary>What the person's last turn wrote, when it is kept (<see cref="TurnRead.IsRemembered"/>); otherwise read.</summary>
    internal Task<TurnRead> ReadAsync(TurnScope scope, ChannelUser user, CancellationToken cancellationToken) =>
        _remembered is not null && _remembered.TryGet(user, out var remembered)
            ? Task.FromResult(remembered)
            : ReadFreshAsync(scope, user, cancellationToken);

    /// <summary>The conversation and the person as the database has them now.</summary>
    internal Task<TurnRead> ReadFreshAsync(TurnScope scope, ChannelUser user, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _databaseReads);
        return WithReaderAsync(scope, user, static (reader, user, c) => reader.ReadAsync(null, user, c), cancellationToken);
    }

    /// <summary>
    /// After a turn that wrote in a transaction of its own has committed: the row it wrote (null
    /// for none) is what the person's next turn starts from.
    /// </summary>
    internal void Remember(ChannelUser user, ConversationRecord? written, Guid? personId) =>
        _remembered?.Remember(user, written, personId);

    /// <summary>The person's next turn reads their conversation from the database.</summary>
    internal void Forget(ChannelUser user) => _remembered?.Forget(user);

    /// <summary>Whether an update was handled before: asked only for a press found stale, which may be a redelivery of one that was not.</summary>
    internal Task<bool> ReceiptExistsAsync(TurnScope scope, string channel, string externalId, CancellationToken cancellationToken) =>
        WithReaderAsync(scope, (channel, externalId), static (reader, receipt, c) => reader.ReceiptExistsAsync(null, receipt.channel, receipt.externalId, c), cancellationToken);

    /// <summary>Runs a read outside any transaction: on SQLite on a read connection of the turns' own, elsewhere on the turn's context's connection.</summary>
    private async Task<T> WithReaderAsync<TState, T>(TurnScope scope, TState state, Func<TurnStatements, TState, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        if (!_ownConnections)
            return await read(await scope.StatementsAsync(cancellationToken).ConfigureAwait(false), state, cancellationToken).ConfigureAwait(false);
        var reader = await RentReaderAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await read(reader, state, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await ReturnReaderAsync(reader).ConfigureAwait(false);
        }
    }

    /// <summary>Writes the turn's receipt and state, durably once this returns <see cref="TurnWriteOutcome.Written"/>.</summary>
    internal async Task<TurnWriteOutcome> CommitAsync(TurnScope scope, TurnWrite write, CancellationToken cancellationToken)
    {
        if (!_ownConnections)
            return await CommitAloneAsync(await scope.StatementsAsync(cancellationToken).ConfigureAwait(false), write, cancellationToken).ConfigureAwait(false);

        var pending = new Pending(write);
        bool lead;
        lock (_queue)
        {
            _queue.Enqueue(pending);
            lead = !_leading;
            _leading = true;
        }
        // The turns in a batch depend on its commit, so the leader's own cancellation does not stop it.
        if (lead || await pending.Woken.Task.ConfigureAwait(false))
            await LeadAsync().ConfigureAwait(false);
        // Written, the row is where the person's next turn starts; otherwise what is kept is
        // stale (or the turn failed), and the turn runs again, if at all, on a fresh read.
        if (pending.Failure is null && pending.Outcome == TurnWriteOutcome.Written)
            Remember(write.User, pending.Written, write.PersonId);
        else
            _remembered?.Forget(write.User);
        if (pending.Failure is { } failure)
            ExceptionDispatchInfo.Throw(failure);
        return pending.Outcome;
    }

    private static async Task<TurnWriteOutcome> CommitAloneAsync(TurnStatements statements, TurnWrite write, CancellationToken cancellationToken)
    {
        await using var transaction = await statements.Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var (outcome, _) = await statements.ApplyAsync(transaction, write, cancellationToken).ConfigureAwait(false);
        if (outcome == TurnWriteOutcome.Written)
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    /// <summary>
    /// Writes one batch (the leader's own turn is the first queued), then passes the lead to the
    /// first turn still queued, or gives it up when none is.
    /// </summary>
    private async Task LeadAsync()
    {
        List<Pending> batch = [];
        try
        {
            using var writer = await gate.EnterAsync(WriterHolders.Batch, CancellationToken.None).ConfigureAwait(false);
            var statements = _writer ??= await OpenAsync(CancellationToken.None).ConfigureAwait(false);
            // Taken once the gate is held, so the turns that queued while it was busy join in.
            Take(batch, MaxBatch);
            await WriteBatchAsync(statements, batch).ConfigureAwait(false);
            metrics.TurnsCommitted(batch.Count);
        }
        catch (Exception e)
        {
            // The batch never committed; before it was taken, the leader's own turn is still queued.
            if (batch.Count == 0)
                Take(batch, int.MaxValue);
            foreach (var pending in batch)
                pending.Fail(e);
        }
        finally
        {
            Pending? next;
            lock (_queue)
                _leading = _queue.TryPeek(out next);
            next?.Woken.TrySetResult(true);
        }
    }

    private void Take(List<Pending> batch, int most)
    {
        lock (_queue)
        {
            while (batch.Count < most && _queue.TryDequeue(out var next))
                batch.Add(next);
        }
    }

    /// <summary>
    /// One transaction for the batch. A turn whose part fails (say, its person was erased since it
    /// read, so the person id it writes is gone) fails alone: the transaction is rolled back and
    /// the others are written again without it.
    /// </summary>
    private static async Task WriteBatchAsync(TurnStatements statements, List<Pending> batch)
    {
        while (batch.Count > 0)
        {
            var failed = -1;
            await using (var transaction = await statements.Connection.BeginTransactionAsync().ConfigureAwait(false))
            {
                for (var i = 0; i < batch.Count && failed < 0; i++)
                {
                    try
                    {
                        (batch[i].Outcome, batch[i].Written) = await statements.ApplyAsync(transaction, batch[i].Write, CancellationToken.None).ConfigureAwait(false);
                    }
                    catch (DbException e)
                    {
                        batch[i].Failure = e;
                        failed = i;
                    }
                }
                if (failed < 0)
                    await transaction.CommitAsync().ConfigureAwait(false);
            }
            if (failed < 0)
                break;
            batch[failed].Woken.TrySetResult(false);
            batch.RemoveAt(failed);
        }
        foreach (var pending in batch)
            pending.Woken.TrySetResult(false);
    }

    private async ValueTask<TurnStatements> RentReaderAsync(CancellationToken cancellationToken) =>
        _readers.TryTake(out var reader) ? reader : await OpenAsync(cancellationToken).ConfigureAwait(false);

    private async ValueTask ReturnReaderAsync(TurnStatements reader)
    {
        if (_readers.Count < ReadersKept)
            _readers.Add(reader);
        else
            await CloseAsync(reader).ConfigureAwait(false);
    }

    /// <summary>A connection of the turns' own: the bot's database file, unpooled (it stays open), with the bot's connection settings.</summary>
    private async Task<TurnStatements> OpenAsync(CancellationToken cancellationToken)
    {
        var (connectionString, guidMapping) = _sqlite ?? await SqliteSettingsAsync(cancellationToken).ConfigureAwait(false);
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await SqlitePragmas.ApplyAsync(connection, cancellationToken).ConfigureAwait(false);
            return new TurnStatements(connection, guidMapping);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task<(string, RelationalTypeMapping)> SqliteSettingsAsync(CancellationToken cancellationToken)
    {
        await _opening.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_sqlite is null)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AsnBotDbContext>();
                var connectionString = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false }.ToString();
                _sqlite = (connectionString, TurnScope.GuidMapping(db));
            }
            return _sqlite.Value;
        }
        finally
        {
            _opening.Release();
        }
    }

    private static async ValueTask CloseAsync(TurnStatements statements)
    {
        await statements.DisposeAsync().ConfigureAwait(false);
        await statements.Connection.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>For hosts disposed without awaiting (a command-line run): the connections close all the same.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        while (_readers.TryTake(out var reader))
            await CloseAsync(reader).ConfigureAwait(false);
        if (_writer is { } writer)
        {
            _writer = null;
            await CloseAsync(writer).ConfigureAwait(false);
        }
        _opening.Dispose();
    }

    private sealed class Pending(TurnWrite write)
    {
        public TurnWrite Write { get; } = write;

        public TurnWriteOutcome Outcome { get; set; }

        /// <summary>The row written when <see cref="Outcome"/> is Written (null when none is kept).</summary>
        public ConversationRecord? Written { get; set; }

        public Exception? Failure { get; set; }

        /// <summary>True: this turn leads the next batch. False: another wrote its batch, see <see cref="Outcome"/> and <see cref="Failure"/>.</summary>
        public TaskCompletionSource<bool> Woken { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Fail(Exception e)
        {
            Failure = e;
            Woken.TrySetResult(false);
        }
    }
}
