namespace AsnBot.TestPeers.Telegram;

/// <summary>The bot's current webhook (set with setWebhook) and the delivery health getWebhookInfo reports.</summary>
internal sealed class WebhookRegistration
{
    private readonly Lock _gate = new();
    private WebhookTarget? _target;
    private DateTimeOffset? _lastErrorDate;
    private string? _lastErrorMessage;

    public AsyncSignal Changed { get; } = new();

    public WebhookTarget? Target
    {
        get
        {
            lock (_gate)
            {
                return _target;
            }
        }
    }

    public void Set(WebhookTarget? target)
    {
        lock (_gate)
        {
            _target = target;
            _lastErrorDate = null;
            _lastErrorMessage = null;
        }

        Changed.Pulse();
    }

    public void RecordError(DateTimeOffset at, string message)
    {
        lock (_gate)
        {
            _lastErrorDate = at;
            _lastErrorMessage = message;
        }
    }

    public ApiWebhookInfo Describe(int pendingUpdateCount, IReadOnlyList<string> allowedUpdates)
    {
        lock (_gate)
        {
            return _target is null
                ? new ApiWebhookInfo(string.Empty, false, pendingUpdateCount)
                : new ApiWebhookInfo(
                    _target.Url.ToString(),
                    false,
                    pendingUpdateCount,
                    IpAddress: "127.0.0.1",
                    LastErrorDate: _lastErrorDate?.ToUnixTimeSeconds(),
                    LastErrorMessage: _lastErrorMessage,
                    MaxConnections: _target.MaxConnections,
                    AllowedUpdates: allowedUpdates.Count == 0 ? null : allowedUpdates);
        }
    }
}

/// <summary>Where and how updates are POSTed while a webhook is set.</summary>
internal sealed record WebhookTarget(Uri Url, string? SecretToken, int MaxConnections);
