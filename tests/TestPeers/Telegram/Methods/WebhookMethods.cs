namespace AsnBot.TestPeers.Telegram;

/// <summary>
/// <c>setWebhook</c>, <c>deleteWebhook</c> and <c>getWebhookInfo</c>. Unlike Telegram, plain http URLs on any
/// port are accepted, because the bot under test listens on loopback without TLS.
/// </summary>
internal sealed class WebhookMethods(WebhookRegistration webhook, UpdateQueue queue)
{
    private const int MaxSecretTokenLength = 256;

    public ValueTask<BotApiResult> SetWebhook(RequestParameters parameters, CancellationToken cancellationToken)
    {
        var url = parameters.GetString("url");
        if (string.IsNullOrEmpty(url))
        {
            // An empty url is Telegram's older way of removing the webhook.
            return DeleteWebhook(parameters, cancellationToken);
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw BotApiErrors.Reject("bad webhook: An HTTPS URL must be provided for webhook");
        }

        var target = new WebhookTarget(uri, ReadSecretToken(parameters), ReadMaxConnections(parameters));
        if (parameters.Has("allowed_updates"))
        {
            queue.Allowed.Set(ParameterRules.StringList(parameters, "allowed_updates"));
        }

        if (parameters.GetBoolean("drop_pending_updates"))
        {
            queue.DropPending();
        }

        var unchanged = webhook.Target == target;
        webhook.Set(target);
        return Done(unchanged ? "Webhook is already set" : "Webhook was set");
    }

    public ValueTask<BotApiResult> DeleteWebhook(RequestParameters parameters, CancellationToken cancellationToken)
    {
        if (parameters.GetBoolean("drop_pending_updates"))
        {
            queue.DropPending();
        }

        var wasSet = webhook.Target is not null;
        webhook.Set(null);
        return Done(wasSet ? "Webhook was deleted" : "Webhook is already deleted");
    }

    public ValueTask<BotApiResult> GetWebhookInfo(RequestParameters parameters, CancellationToken cancellationToken) =>
        ValueTask.FromResult(BotApiResult.Ok(webhook.Describe(queue.PendingCount, queue.Allowed.Requested)));

    private static string? ReadSecretToken(RequestParameters parameters)
    {
        var secret = parameters.GetString("secret_token");
        if (string.IsNullOrEmpty(secret))
        {
            return null;
        }

        var allowed = secret.Length <= MaxSecretTokenLength && secret.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
        return allowed ? secret : throw BotApiErrors.Reject("secret token contains unallowed characters");
    }

    private static int ReadMaxConnections(RequestParameters parameters) =>
        (int)Math.Clamp(parameters.GetInt64("max_connections") ?? 40, 1, 100);

    private static ValueTask<BotApiResult> Done(string description) =>
        ValueTask.FromResult(BotApiResult.Ok(true, description));
}
