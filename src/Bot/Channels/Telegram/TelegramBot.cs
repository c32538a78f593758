using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace AsnBot.Channels.Telegram;

/// <summary>
/// The one Telegram.Bot client of the process, made on first use so that a host without a
/// token never builds it. Its automatic 429 retries are off: they would block the caller for
/// up to a minute; the sender and the flood gate own 429 handling instead.
/// </summary>
public sealed class TelegramBot(IOptions<TelegramOptions> options) : IDisposable
{
    // Long polls and sends set their own deadlines per call; a client-wide timeout would cut long polls.
    // The Bot API never redirects, sets no cookies and has no use for trace headers, so the handler
    // leaves out the redirect, cookie and trace-propagation stages every call would otherwise pass.
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AllowAutoRedirect = false,
        UseCookies = false,
        ActivityHeadersPropagator = null,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private TelegramBotClient? _client;
    private byte[]? _webhookSecretHash;

    public bool IsEnabled => options.Value.IsEnabled;

    public TelegramOptions Options => options.Value;

    public ITelegramBotClient Client => _client ??= Create();

    /// <summary>SHA-256 of <see cref="TelegramOptions.WebhookSecret"/>, which every webhook call is checked against (see <see cref="TelegramWebhook"/>).</summary>
    public byte[] WebhookSecretHash => _webhookSecretHash ??= TelegramWebhook.SecretHash(options.Value.WebhookSecret);

    /// <summary>Telegram's update ids are per bot; receipts carry the bot id so a new token never collides.</summary>
    public string ExternalId(int updateId) => $"{Client.BotId}:{updateId}";

    public void Dispose() => _http.Dispose();

    private TelegramBotClient Create()
    {
        if (!IsEnabled)
            throw new InvalidOperationException("The Telegram channel is off: Telegram:BotToken is empty.");
        var settings = options.Value;
        return new TelegramBotClient(new TelegramBotClientOptions(settings.BotToken, settings.ApiBaseUrl.TrimEnd('/')) { RetryThreshold = 0 }, _http);
    }
}
