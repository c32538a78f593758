namespace AsnBot.TestPeers.Telegram;

/// <summary>One try at POSTing an update to the bot's webhook.</summary>
/// <param name="Attempt">1 for the first try, counting up through the retries.</param>
/// <param name="StatusCode">The webhook's HTTP status, or null when no answer came (refused, timed out).</param>
/// <param name="Error">Telegram's wording of the failure as <c>getWebhookInfo</c> reports it, or null on success.</param>
/// <param name="GaveUp">True on the last failed try, after which the update is dropped.</param>
public sealed record WebhookAttempt(
    long UpdateId, Uri Url, int Attempt, int? StatusCode, string? Error, DateTime AttemptedAtUtc, bool GaveUp)
{
    public bool Delivered => StatusCode is >= 200 and < 300;
}
