using System.Net.Sockets;
using System.Text;

namespace AsnBot.TestPeers.Telegram;

/// <summary>
/// While a webhook is set, POSTs queued updates to it one at a time, in order, with the secret token header,
/// retrying failed deliveries a few times with a growing delay before dropping the update, like Telegram does.
/// One delivery at a time keeps the order deterministic for tests. A method in the body of a 2xx answer is run
/// (and recorded) before the next update goes out, as Telegram runs it.
/// </summary>
internal sealed class WebhookDelivery : IAsyncDisposable
{
    public const string SecretTokenHeader = "X-Telegram-Bot-Api-Secret-Token";

    private readonly UpdateQueue _queue;
    private readonly WebhookRegistration _registration;
    private readonly FakeTelegramOptions _options;
    private readonly Func<string, string?, CancellationToken, Task> _runResponseMethod;
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly List<WebhookAttempt> _attempts = [];
    private Task _loop = Task.CompletedTask;

    public WebhookDelivery(
        UpdateQueue queue, WebhookRegistration registration, FakeTelegramOptions options, Func<string, string?, CancellationToken, Task> runResponseMethod)
    {
        _queue = queue;
        _registration = registration;
        _options = options;
        _runResponseMethod = runResponseMethod;
        _http = new HttpClient { Timeout = options.WebhookTimeout };
    }

    public AsyncSignal AttemptsChanged { get; } = new();

    public IReadOnlyList<WebhookAttempt> Attempts
    {
        get
        {
            lock (_gate)
            {
                return [.. _attempts];
            }
        }
    }

    public void Start() => _loop = Task.Run(() => RunAsync(_stopping.Token));

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Expected: the loop ends by cancellation.
        }

        _http.Dispose();
        _stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            // Take both pulses before looking at the state so no change between the look and the wait is lost.
            var wake = Task.WhenAny(_queue.Changed.NextPulse, _registration.Changed.NextPulse);
            var target = _registration.Target;
            var next = target is null ? null : _queue.PeekNext();
            if (target is null || next is null)
            {
                await wake.WaitAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (await DeliverAsync(target, next.Update, cancellationToken).ConfigureAwait(false))
            {
                _queue.Remove(next);
            }
        }
    }

    /// <summary>
    /// Returns true when the update is done with (delivered, or dropped after the last retry) and false when the
    /// webhook changed mid-way, in which case the update stays queued for whoever receives updates now.
    /// </summary>
    private async Task<bool> DeliverAsync(WebhookTarget target, StoredUpdate update, CancellationToken cancellationToken)
    {
        var attempts = 1 + _options.WebhookRetryCount;
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            if (attempt > 1)
            {
                await Task.Delay(_options.WebhookRetryDelay * (attempt - 1), cancellationToken).ConfigureAwait(false);
                if (_registration.Target != target)
                {
                    return false;
                }
            }

            var (status, error) = await PostAsync(target, update, cancellationToken).ConfigureAwait(false);
            var gaveUp = error is not null && attempt == attempts;
            Record(new WebhookAttempt(update.UpdateId, target.Url, attempt, status, error, DateTime.UtcNow, gaveUp));
            if (error is null)
            {
                return true;
            }

            _registration.RecordError(_options.Clock.GetUtcNow(), error);
        }

        return true;
    }

    private async Task<(int? Status, string? Error)> PostAsync(WebhookTarget target, StoredUpdate update, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Url)
        {
            Content = new StringContent(update.Json, Encoding.UTF8, "application/json"),
        };
        if (target.SecretToken is not null)
        {
            request.Headers.Add(SecretTokenHeader, target.SecretToken);
        }

        try
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                return (status, $"Wrong response from the webhook: {status} {response.ReasonPhrase}");
            }

            var contentType = response.Content.Headers.ContentType?.MediaType;
            if (string.Equals(contentType, "application/json", StringComparison.OrdinalIgnoreCase))
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                await _runResponseMethod(body, contentType, cancellationToken).ConfigureAwait(false);
            }

            return (status, null);
        }
        catch (HttpRequestException exception)
        {
            return (null, exception.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused }
                ? "Connection refused"
                : $"Failed to resolve host or connect: {exception.HttpRequestError}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, "Connection timed out");
        }
    }

    private void Record(WebhookAttempt attempt)
    {
        lock (_gate)
        {
            _attempts.Add(attempt);
        }

        AttemptsChanged.Pulse();
    }
}
