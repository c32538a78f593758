using AsnBot.Knowledge.Conversations;
using AsnBot.Knowledge.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AsnBot.Conversations;

public sealed class ReceiptOptions
{
    public const string Section = "Receipts";

    /// <summary>
    /// Days an inbound receipt is kept. Telegram keeps an undelivered update for 24 hours and
    /// the Bot Framework retries for minutes, and an outbox row is retried for far less than
    /// this, so nothing can arrive again after it.
    /// </summary>
    public int KeepDays { get; set; } = 14;

    public string? Problem() =>
        KeepDays is < 2 or > 3_650
            ? $"Receipts:KeepDays must be a number of days from 2 to 3650 (Telegram redelivers an update for up to a day), not {KeepDays}."
            : null;

    internal sealed class Validation : IValidateOptions<ReceiptOptions>
    {
        public ValidateOptionsResult Validate(string? name, ReceiptOptions options) =>
            options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}

/// <summary>
/// Every update handled leaves a row in <c>inbound_receipts</c> (and so does every outbox row that
/// started a dialog): without this, the table would grow by one row per message for good. Once an
/// hour, and shortly after start, the receipts older than <see cref="ReceiptOptions.KeepDays"/> are
/// deleted in batches, each a short transaction: on SQLite under the one writer (<see cref="TurnGate"/>),
/// so turns wait at most one batch. Several instances on one PostgreSQL may prune side by side; a
/// row deleted by one is simply not found by the other.
/// </summary>
public sealed partial class ReceiptPruning(
    IOptions<ReceiptOptions> options, IServiceScopeFactory scopes, TurnGate gate, TimeProvider time, ILogger<ReceiptPruning> logger)
    : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    private static readonly TimeSpan FirstAfter = TimeSpan.FromMinutes(1);

    /// <summary>Rows per delete: a few milliseconds of the writer.</summary>
    internal int BatchSize { get; init; } = 2_000;

    /// <summary>Deletes every receipt older than the retention; returns how many.</summary>
    public async Task<int> PruneOnceAsync(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - TimeSpan.FromDays(options.Value.KeepDays);
        var total = 0;
        while (true)
        {
            var deleted = await DeleteBatchAsync(before, cancellationToken).ConfigureAwait(false);
            total += deleted;
            if (deleted < BatchSize)
                break;
        }
        if (total > 0)
            LogPruned(logger, total, options.Value.KeepDays);
        return total;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wait = FirstAfter;
        while (true)
        {
            try
            {
                await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
                await PruneOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The table only grows a little until the next hour tries again.
                LogFailed(logger, e);
            }
            wait = Every;
        }
    }

    private async Task<int> DeleteBatchAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AsnBotDbContext>();
        using var writer = await gate.EnterAsync(WriterHolders.Pruning, cancellationToken).ConfigureAwait(false);
        return await db.Set<InboundReceipt>()
            .Where(receipt => receipt.ReceivedAt < before)
            .OrderBy(receipt => receipt.Id)
            .Take(BatchSize)
            .ExecuteDeleteAsync(cancellationToken)
            .ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} inbound receipts older than {Days} days")]
    private static partial void LogPruned(ILogger logger, int count, int days);

    [LoggerMessage(Level = LogLevel.Error, Message = "Deleting old inbound receipts failed; trying again in an hour")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
