using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Persistence;
using Microsoft.Extensions.Options;

namespace AsnBot.Delivery;

/// <summary>
/// Sends the outbox: one lane per registered channel, each looping claim, send, record; and
/// now and then gives rows a dead process left in 'sending' back to pending.
/// </summary>
public sealed partial class OutboxDispatcher : BackgroundService
{
    private readonly DeliveryOptions _options;
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly ILogger<OutboxDispatcher> _logger;

    public OutboxDispatcher(
        IOptions<DeliveryOptions> options, ChannelSenders senders, OutboxReplies replies,
        IServiceScopeFactory scopes, TimeProvider time, ILogger<OutboxDispatcher> logger)
    {
        _options = options.Value;
        _scopes = scopes;
        _time = time;
        _logger = logger;
        // A process-wide claim token: rows claimed by another (dead) process are not ours to record.
        Owner = $"{Environment.ProcessId}-{Guid.NewGuid():N}";
        Claims = new ClaimTokens(Owner);
        Lanes = [.. senders.Channels.Select(channel => new ChannelLane(senders.Find(channel)!, _options, scopes, replies, time, Claims, logger))];
    }

    public string Owner { get; }

    /// <summary>The claim tokens of this process's rounds still in flight.</summary>
    public ClaimTokens Claims { get; }

    public IReadOnlyList<ChannelLane> Lanes { get; }

    /// <summary>One round on every channel (used by tests and benchmarks); returns rows claimed.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        var claimed = await Task.WhenAll(Lanes.Select(lane => lane.RunOnceAsync(cancellationToken))).ConfigureAwait(false);
        return claimed.Sum();
    }

    public async Task<int> RecoverExpiredClaimsAsync(CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AsnBotDbContext>();
        var now = _time.GetUtcNow();
        var recovered = await OutboxStore.RecoverExpiredClaimsAsync(db, Claims.Live, now - _options.ClaimLease, now, cancellationToken).ConfigureAwait(false);
        if (recovered > 0)
            LogRecovered(_logger, recovered);
        return recovered;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
            return;
        await Task.WhenAll([.. Lanes.Select(lane => LoopAsync(lane, stoppingToken)), RecoveryLoopAsync(stoppingToken)]).ConfigureAwait(false);
    }

    private async Task LoopAsync(ChannelLane lane, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await lane.RunAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // A database hiccup must not stop delivery for good; rows it left claimed are sent
                // again by the next process (their outcomes were retried and could not be recorded).
                LogLaneFailed(_logger, e, lane.Channel);
                await Delay(_options.PollInterval, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task RecoveryLoopAsync(CancellationToken stoppingToken)
    {
        var every = _options.ClaimLease / 4;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RecoverExpiredClaimsAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRecoveryFailed(_logger, e);
            }
            await Delay(every, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task Delay(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, _time, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gave {Count} outbox rows left in 'sending' by a stopped process back to pending")]
    private static partial void LogRecovered(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox lane {Channel} failed a round; trying again")]
    private static partial void LogLaneFailed(ILogger logger, Exception exception, string channel);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recovering expired outbox claims failed")]
    private static partial void LogRecoveryFailed(ILogger logger, Exception exception);
}
