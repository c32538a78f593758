namespace AsnBot.TestPeers.Telegram;

/// <summary>Telegram's <c>WebhookInfo</c>; <c>url</c> is empty when updates are fetched with getUpdates.</summary>
internal sealed record ApiWebhookInfo(
    string Url,
    bool HasCustomCertificate,
    int PendingUpdateCount,
    string? IpAddress = null,
    long? LastErrorDate = null,
    string? LastErrorMessage = null,
    int? MaxConnections = null,
    IReadOnlyList<string>? AllowedUpdates = null);
