namespace AsnBot.TestPeers.Telegram;

/// <summary>What an injected fault does to one call.</summary>
internal abstract record FaultAction
{
    private FaultAction()
    {
    }

    /// <summary>Answer with a Bot API error instead of running the method.</summary>
    public sealed record Fail(BotApiResult Answer) : FaultAction;

    /// <summary>Wait before handling the call normally, like a slow or congested server.</summary>
    public sealed record Delay(TimeSpan Duration) : FaultAction;

    /// <summary>Never answer: hold the request until the client gives up, then drop the connection.</summary>
    public sealed record Hang : FaultAction;

    public static Fail Failure(int errorCode, int? retryAfter = null, string? description = null)
    {
        if (errorCode == 429)
        {
            var seconds = retryAfter ?? 1;
            return new Fail(BotApiResult.Error(429, description ?? $"Too Many Requests: retry after {seconds}", seconds));
        }

        return new Fail(BotApiResult.Error(errorCode, description ?? BotApiErrors.DefaultDescription(errorCode), retryAfter));
    }
}
