namespace AsnBot.TestPeers.Telegram;

/// <summary>Error texts exactly as the real Bot API words them, so client code matching on them behaves the same.</summary>
internal static class BotApiErrors
{
    public static BotApiResult BadRequest(string detail) => BotApiResult.Error(400, $"Bad Request: {detail}");

    public static BotApiResult Unauthorized() => BotApiResult.Error(401, "Unauthorized");

    public static BotApiResult MethodNotFound() => BotApiResult.Error(404, "Not Found: method not found");

    public static BotApiResult NotFound() => BotApiResult.Error(404, "Not Found");

    public static BotApiResult BotBlocked() => BotApiResult.Error(403, "Forbidden: bot was blocked by the user");

    public static BotApiResult TooManyRequests(int retryAfter) =>
        BotApiResult.Error(429, $"Too Many Requests: retry after {retryAfter}", retryAfter);

    public static BotApiResult WebhookActive() => BotApiResult.Error(
        409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");

    public static BotApiResult TerminatedByOtherGetUpdates() => BotApiResult.Error(
        409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");

    public static BotApiRejection ChatNotFound() => new(BadRequest("chat not found"));

    public static BotApiRejection Reject(string badRequestDetail) => new(BadRequest(badRequestDetail));

    /// <summary>The generic description Telegram gives for an error code when nothing more specific applies.</summary>
    public static string DefaultDescription(int errorCode) => errorCode switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden: bot was blocked by the user",
        404 => "Not Found",
        409 => "Conflict",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Error",
    };
}
