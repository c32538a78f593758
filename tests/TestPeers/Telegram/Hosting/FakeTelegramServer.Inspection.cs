namespace AsnBot.TestPeers.Telegram;

/// <summary>Inspection: the call log, call rates, webhook state and delivery attempts.</summary>
public sealed partial class FakeTelegramServer
{
    /// <summary>Recorded calls in arrival order, optionally of one method (case-insensitive) and/or one chat.</summary>
    public IReadOnlyList<CallRecord> Calls(string? method = null, long? chatId = null) => _state.Calls.Calls(method, chatId);

    public Task<IReadOnlyList<CallRecord>> WaitForCallsAsync(
        string method, int count, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        SignalWaiter.WaitUntilAsync(
            _state.Calls.Changed,
            () => Calls(method) is { } calls && calls.Count >= count ? calls : null,
            timeout,
            () => $"Expected {count} {method} call(s), got {Calls(method).Count}",
            cancellationToken);

    /// <summary>Matching calls per wall-clock second, for the seconds that had any.</summary>
    public IReadOnlyList<RateBucket> CallsPerSecond(string? method = null, long? chatId = null) =>
        _state.Calls.PerSecond(method, chatId);

    /// <summary>The most matching calls seen within any sliding window, e.g. to check Telegram's 30 messages per second.</summary>
    public int PeakCallsWithin(TimeSpan window, string? method = null, long? chatId = null) =>
        _state.Calls.PeakWithin(window, method, chatId);

    /// <summary>The webhook URL currently set, or null when the bot uses getUpdates.</summary>
    public Uri? WebhookUrl => _state.Webhook.Target?.Url;

    /// <summary>True while a getUpdates call is being served (typically a long poll waiting for updates).</summary>
    public bool IsBeingPolled => _state.Pollers.IsPolling;

    /// <summary>Waits until the bot has a getUpdates call waiting, e.g. before simulating input a long poll should wake for.</summary>
    public Task WaitForLongPollAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        SignalWaiter.WaitUntilAsync(
            _state.Pollers.Changed,
            () => _state.Pollers.IsPolling ? this : null,
            timeout,
            () => "The bot never called getUpdates",
            cancellationToken);

    /// <summary>Updates created but not yet confirmed (polling) or delivered (webhook).</summary>
    public int PendingUpdateCount => _state.Updates.PendingCount;

    /// <summary>
    /// Waits until no update is pending: every one was confirmed by a getUpdates offset, or delivered to (or given up
    /// on by) the webhook. Note that a poller confirms a batch only with its next getUpdates call.
    /// </summary>
    public Task WaitForUpdatesConsumedAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        SignalWaiter.WaitUntilAsync(
            _state.Updates.Drained,
            () => _state.Updates.PendingCount == 0 ? this : null,
            timeout,
            () => $"{_state.Updates.PendingCount} update(s) still pending",
            cancellationToken);

    public IReadOnlyList<WebhookAttempt> WebhookAttempts() => _webhookDelivery.Attempts;

    public Task<IReadOnlyList<WebhookAttempt>> WaitForWebhookAttemptsAsync(
        Func<IReadOnlyList<WebhookAttempt>, bool> condition, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        SignalWaiter.WaitUntilAsync(
            _webhookDelivery.AttemptsChanged,
            () => _webhookDelivery.Attempts is var attempts && condition(attempts) ? attempts : null,
            timeout,
            () => $"Webhook attempts never matched; so far: {_webhookDelivery.Attempts.Count}",
            cancellationToken);
}
