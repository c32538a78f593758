using System.Collections.Concurrent;
using AsnBot.Conversations;
using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Persistence;

namespace AsnBot.Delivery;

/// <summary>
/// Sends one channel's due outbox rows: claims about a second's worth, sends them under the
/// channel's pace and per-address windows, and records every outcome in one transaction.
/// Claiming little at a time keeps the rows a crash leaves in 'sending' (and may send twice)
/// to what was in flight.
/// </summary>
public sealed partial class ChannelLane(
    IChannelSender sender,
    DeliveryOptions options,
    IServiceScopeFactory scopes,
    OutboxReplies replies,
    TimeProvider time,
    string owner,
    ILogger logger)
{
    private const int MaxRecordAttempts = 10;
    private readonly ChannelLimits _limits = options.For(sender.Channel);
    private readonly SendPace _pace = new(options.For(sender.Channel).MessagesPerSecond, time);
    // The settings were validated at start-up, so the list parses.
    private readonly AddressPace _addressPace = new(AddressLimit.TryParseList(options.For(sender.Channel).PerAddress, out var limits) ? limits : []);

    public string Channel => sender.Channel;

    private int ClaimSize => _limits.MessagesPerSecond > 0
        ? (int)Math.Clamp(Math.Ceiling(_limits.MessagesPerSecond), 1, options.BatchSize)
        : options.BatchSize;

    /// <summary>One round: returns how many rows were claimed (0 = nothing due).</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var claimed = await ClaimAsync(cancellationToken).ConfigureAwait(false);
        if (claimed.Count == 0)
            return 0;
        await RecordAsync(await SendAllAsync(claimed, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        return claimed.Count;
    }

    /// <summary>
    /// Sends until stopped. The next second's rows are claimed while the current ones are sent,
    /// and outcomes are recorded while the next ones go out, so a rate-limited channel never
    /// idles between rounds (the price: up to two rounds are in flight at a crash).
    /// </summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var next = ClaimAsync(stoppingToken);
        var recording = Task.CompletedTask;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var claimed = await next.ConfigureAwait(false);
                if (claimed.Count == 0)
                {
                    await Task.Delay(options.PollInterval, time, stoppingToken).ConfigureAwait(false);
                    next = ClaimAsync(stoppingToken);
                    continue;
                }
                next = ClaimAsync(stoppingToken);
                var outcomes = await SendAllAsync(claimed, stoppingToken).ConfigureAwait(false);
                await recording.ConfigureAwait(false);
                recording = RecordAsync(outcomes);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            await recording.ConfigureAwait(false);
            // Rows claimed ahead and never sent go back to pending now rather than after the lease.
            if (next.IsCompletedSuccessfully && next.Result.Count > 0)
                await RecordAsync([.. next.Result.Select(m => new DeliveryOutcome.Retry(m.Id, time.GetUtcNow(), CountsAsAttempt: false, Error: null))]).ConfigureAwait(false);
        }
    }

    private async Task<IReadOnlyList<ClaimedMessage>> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AsnBotDbContext>();
        return await OutboxStore.ClaimAsync(db, Channel, ClaimSize, owner, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Recorded even when stopping, and retried when the database is briefly unavailable: a
    /// sent message whose outcome is lost would be sent again.
    /// </summary>
    private async Task RecordAsync(IReadOnlyCollection<DeliveryOutcome> outcomes)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AsnBotDbContext>();
                await OutboxStore.RecordAsync(db, owner, outcomes, time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
                break;
            }
            catch (Exception e) when (attempt < MaxRecordAttempts && e is not OperationCanceledException)
            {
                LogRecordRetry(logger, e, Channel, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), time, CancellationToken.None).ConfigureAwait(false);
            }
        }
        var sent = outcomes.Count(o => o is DeliveryOutcome.Delivered);
        LogRound(logger, Channel, outcomes.Count, sent);
    }

    private async Task<IReadOnlyCollection<DeliveryOutcome>> SendAllAsync(IReadOnlyList<ClaimedMessage> claimed, CancellationToken cancellationToken)
    {
        var outcomes = new ConcurrentQueue<DeliveryOutcome>();
        using var inFlight = new SemaphoreSlim(options.MaxConcurrentSends);
        var sends = new List<Task>(claimed.Count);
        var started = 0;
        try
        {
            for (; started < claimed.Count; started++)
            {
                var message = claimed[started];
                if (!_addressPace.TryTake(message.Address, time.GetUtcNow(), out var wait))
                {
                    outcomes.Enqueue(new DeliveryOutcome.Retry(message.Id, time.GetUtcNow() + wait, CountsAsAttempt: false, Error: null));
                    continue;
                }
                await _pace.WaitTurnAsync(cancellationToken).ConfigureAwait(false);
                await inFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
                sends.Add(SendOneAsync(message, outcomes, inFlight));
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: what was not started goes back to pending now rather than after the lease.
            foreach (var message in claimed.Skip(started))
                outcomes.Enqueue(new DeliveryOutcome.Retry(message.Id, time.GetUtcNow(), CountsAsAttempt: false, Error: null));
        }
        await Task.WhenAll(sends).ConfigureAwait(false);
        return outcomes;
    }

    private async Task SendOneAsync(ClaimedMessage message, ConcurrentQueue<DeliveryOutcome> outcomes, SemaphoreSlim inFlight)
    {
        try
        {
            outcomes.Enqueue(await SendAsync(message).ConfigureAwait(false));
        }
        finally
        {
            inFlight.Release();
        }
    }

    private async Task<DeliveryOutcome> SendAsync(ClaimedMessage message)
    {
        SendResult result;
        try
        {
            // A send that has started is finished even when stopping, so its outcome is known.
            result = SendResult.Sent;
            var to = new ChannelUser(message.Channel, message.Address);
            foreach (var reply in await replies.ForAsync(message, CancellationToken.None).ConfigureAwait(false))
            {
                result = await sender.SendAsync(to, reply, CancellationToken.None).ConfigureAwait(false);
                if (result.Status != SendStatus.Sent)
                    break;
            }
        }
        catch (Exception e)
        {
            LogSendThrew(logger, e, Channel, message.Id);
            result = new SendResult(SendStatus.Failed, Error: e.GetType().Name);
        }
        return Outcome(message, result);
    }

    private DeliveryOutcome Outcome(ClaimedMessage message, SendResult result)
    {
        var now = time.GetUtcNow();
        switch (result.Status)
        {
            case SendStatus.Sent:
                return new DeliveryOutcome.Delivered(message.Id);
            case SendStatus.Throttled:
                var retryAfter = result.RetryAfter is { } after && after > TimeSpan.Zero ? after : TimeSpan.FromSeconds(1);
                _pace.PauseUntil(now + retryAfter);
                LogThrottled(logger, Channel, retryAfter.TotalSeconds);
                return new DeliveryOutcome.Retry(message.Id, now + retryAfter, CountsAsAttempt: false, result.Error ?? "throttled");
            case SendStatus.RecipientGone:
                return new DeliveryOutcome.Unreachable(message.Id, message.Channel, message.Address, result.Error ?? "recipient gone");
            default:
                if (message.Attempts >= options.MaxAttempts)
                    return new DeliveryOutcome.GaveUp(message.Id, result.Error ?? "failed");
                return new DeliveryOutcome.Retry(message.Id, now + RetryDelay.After(message.Attempts, options.RetryBaseDelay), CountsAsAttempt: true, result.Error ?? "failed");
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Outbox round on {Channel}: {Claimed} claimed, {Sent} sent")]
    private static partial void LogRound(ILogger logger, string channel, int claimed, int sent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording outcomes on {Channel} failed (attempt {Attempt}); retrying")]
    private static partial void LogRecordRetry(ILogger logger, Exception exception, string channel, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending outbox row {Id} on {Channel} threw")]
    private static partial void LogSendThrew(ILogger logger, Exception exception, string channel, long id);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Channel} asked to slow down; pausing the channel for {Seconds} s")]
    private static partial void LogThrottled(ILogger logger, string channel, double seconds);
}
