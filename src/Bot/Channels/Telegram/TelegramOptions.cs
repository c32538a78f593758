using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace AsnBot.Channels.Telegram;

public enum TelegramMode
{
    Polling,
    Webhook,
}

/// <summary>The <c>Telegram</c> section. An empty bot token turns the channel off.</summary>
public sealed class TelegramOptions
{
    public const string Section = "Telegram";
    public const string OfficialApiBaseUrl = "https://api.telegram.org";

    public string BotToken { get; set; } = string.Empty;

    /// <summary>Any Bot API server: the official one, a local Bot API server, or an emulator.</summary>
    public string ApiBaseUrl { get; set; } = OfficialApiBaseUrl;

    public TelegramMode Mode { get; set; } = TelegramMode.Polling;

    /// <summary>The public HTTPS address of <c>POST /api/telegram/update</c>, given to setWebhook.</summary>
    public string WebhookUrl { get; set; } = string.Empty;

    /// <summary>Telegram sends it back in X-Telegram-Bot-Api-Secret-Token on every webhook call.</summary>
    public string WebhookSecret { get; set; } = string.Empty;

    /// <summary>How long one Bot API call (a send, an edit) may take before it counts as failed and is retried.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(15);

    public bool IsEnabled => !string.IsNullOrWhiteSpace(BotToken);
}

/// <summary>Every problem is one sentence naming the key, so a bad setting is fixed at the first read.</summary>
public sealed partial class TelegramOptionsValidation : IValidateOptions<TelegramOptions>
{
    [GeneratedRegex("^[0-9]+:[A-Za-z0-9_-]+$")]
    private static partial Regex TokenSyntax();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretSyntax();

    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsEnabled)
            return ValidateOptionsResult.Success;
        var problems = new List<string>();
        if (!TokenSyntax().IsMatch(options.BotToken))
            problems.Add("Telegram:BotToken must be the token BotFather gave, like 123456789:AA... (digits, a colon, then letters, digits, '_' or '-').");
        if (!IsHttpUrl(options.ApiBaseUrl, out _))
            problems.Add("Telegram:ApiBaseUrl must be an absolute http(s) address of a Bot API server, e.g. https://api.telegram.org.");
        if (options.CallTimeout <= TimeSpan.Zero || options.CallTimeout > TimeSpan.FromMinutes(2))
            problems.Add("Telegram:CallTimeout must be more than zero and at most 00:02:00, e.g. 00:00:15.");
        if (options.Mode == TelegramMode.Webhook)
        {
            if (!IsHttpUrl(options.WebhookUrl, out var url))
                problems.Add("Telegram:WebhookUrl is required in Webhook mode: the public https address of /api/telegram/update.");
            else if (url.Scheme != Uri.UriSchemeHttps && !url.IsLoopback)
                problems.Add("Telegram:WebhookUrl must use https (Telegram delivers webhooks over TLS only; plain http is accepted for loopback test servers).");
            if (!SecretSyntax().IsMatch(options.WebhookSecret))
                problems.Add("Telegram:WebhookSecret is required in Webhook mode: 1 to 256 characters of A-Z, a-z, 0-9, '_' and '-'.");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static bool IsHttpUrl(string value, out Uri url) =>
        Uri.TryCreate(value, UriKind.Absolute, out url!) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);
}
