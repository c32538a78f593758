using System.Collections.Concurrent;
using AsnBot.Conversations;
using AsnBot.Conversations.Engine;
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
    ClaimTokens tokens,
    ILogger logger)
{
    private const int MaxRecordAttempts = 10;
    private readonly ConcurrentDictionary<string, byte> _unrecorded = new(StringComparer.Ordinal);
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
        var round = await ClaimAsync(cancellationToken).ConfigureAwait(false);
        if (round.Rows.Count == 0)
            return 0;
        await RecordAsync(round.Token, await SendAllAsync(round.Rows, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        return round.Rows.Count;
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
                var round = await next.ConfigureAwait(false);
                if (round.Rows.Count == 0)
                {
                    await Task.Delay(options.PollInterval, time, stoppingToken).ConfigureAwait(false);
                    next = ClaimAsync(stoppingToken);
                    continue;
                }
                next = ClaimAsync(stoppingToken);
                var outcomes = await SendAllAsync(round.Rows, stoppingToken).ConfigureAwait(false);
                await recording.ConfigureAwait(false);
                recording = RecordAsync(round.Token, outcomes);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            try
            {
                await recording.ConfigureAwait(false);
                // Rows claimed ahead and never sent go back to pending now rather than after the lease.
                if (next.IsCompletedSuccessfully && next.Result.Rows.Count > 0)
                    await RecordAsync(next.Result.Token, [.. next.Result.Rows.Select(m => new DeliveryOutcome.Retry(m.Id, time.GetUtcNow(), CountsAsAttempt: false, Error: null))]).ConfigureAwait(false);
            }
            finally
            {
                // A round left unrecorded by a failure (the database gone longer than the record
                // retries) is abandoned: its rows come back after the lease, like a dead process's.
                foreach (var token in _unrecorded.Keys)
                    Release(token);
            }
        }
    }

    /// <summary>
    /// Claims under a token of its own, live until the round's outcomes are recorded. A claim
    /// whose answer was lost (the database went away mid-statement) leaves rows under a token
    /// that is no longer live, so they are recovered after the lease like a dead process's.
    /// </summary>
    private async Task<(string Token, IReadOnlyList<ClaimedMessage> Rows)> ClaimAsync(CancellationToken cancellationToken)
    {
        var token = tokens.Issue();
        _unrecorded[token] = 0;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AsnBotDbContext>();
            var rows = await OutboxStore.ClaimAsync(db, Channel, ClaimSize, token, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            if (rows.Count == 0)
                Release(token);
            return (token, rows);
        }
        catch
        {
            Release(token);
            throw;
        }
    }

    private void Release(string token)
    {
        _unrecorded.TryRemove(token, out _);
        tokens.Release(token);
    }

    /// <summary>
    /// Recorded even when stopping, and retried when the database is briefly unavailable: a
    /// sent message whose outcome is lost would be sent again.
    /// </summary>
    private async Task RecordAsync(string token, IReadOnlyCollection<DeliveryOutcome> outcomes)
    {
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<AsnBotDbContext>();
                    await OutboxStore.RecordAsync(db, token, outcomes, time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
                    break;
                }
                catch (Exception e) when (attempt < MaxRecordAttempts && e is not OperationCanceledException)
                {
                    LogRecordRetry(logger, e, Channel, attempt);
                    await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), time, CancellationToken.None).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            Release(token);
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
                var takenAt = time.GetUtcNow();
                if (!_addressPace.TryTake(message.Address, takenAt, out var wait))
                {
                    outcomes.Enqueue(new DeliveryOutcome.Retry(message.Id, takenAt + wait, CountsAsAttempt: false, Error: null));
                    continue;
                }
                // A free send first, then the turn: a slot of the pace is held from the turn to the
                // answer, so it is not spent waiting for one of the sends in flight to finish.
                await inFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
                SendTurn turn;
                try
                {
                    turn = await _pace.WaitTurnAsync(cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    inFlight.Release();
                    throw;
                }
                sends.Add(SendOneAsync(message, takenAt, turn, outcomes, inFlight));
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

    private async Task SendOneAsync(ClaimedMessage message, DateTimeOffset takenAt, SendTurn turn, ConcurrentQueue<DeliveryOutcome> outcomes, SemaphoreSlim inFlight)
    {
        try
        {
            outcomes.Enqueue(await SendAsync(message, turn).ConfigureAwait(false));
        }
        finally
        {
            _addressPace.Answered(message.Address, takenAt, time.GetUtcNow());
            inFlight.Release();
        }
    }

    /// <summary>Sends the row's replies, each API call under a turn of its own (a dialog's opening may be several).</summary>
    private async Task<DeliveryOutcome> SendAsync(ClaimedMessage message, SendTurn firstTurn)
    {
        SendResult result;
        SendTurn? turn = firstTurn;
        IReadOnlyList<Reply> unsent = [];
        try
        {
            // A send that has started is finished even when stopping, so its outcome is known.
            result = SendResult.Sent;
            var to = new ChannelUser(message.Channel, message.Address);
            var (toSend, fromPart) = await replies.ForAsync(message, CancellationToken.None).ConfigureAwait(false);
            for (var i = 0; i < toSend.Count; i++)
            {
                turn ??= await _pace.WaitTurnAsync(CancellationToken.None).ConfigureAwait(false);
                try
                {
                    result = await sender.SendAsync(to, toSend[i], i == 0 ? fromPart : 0, CancellationToken.None).ConfigureAwait(false);
                }
                finally
                {
                    _pace.Answered(turn);
                    turn = null;
                }
                if (result.Status != SendStatus.Sent)
                {
                    unsent = [.. toSend.Skip(i)];
                    break;
                }
            }
            // A row with nothing to send (a dialog queued behind another) gives its turn back.
            if (turn is not null)
                _pace.Answered(turn);
        }
        catch (Exception e)
        {
            if (turn is not null)
                _pace.Answered(turn);
            LogSendThrew(logger, e, Channel, message.Id);
            result = new SendResult(SendStatus.Failed, Error: e.GetType().Name);
        }
        var outcome = Outcome(message, result);
        return outcome is DeliveryOutcome.Retry retry && unsent.Count > 0
            ? retry with { PayloadJson = OutboxReplies.Rest(message, unsent, result.PartsSent) }
            : outcome;
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
