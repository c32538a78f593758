namespace AsnBot.TestPeers.Telegram;

/// <summary>
/// Thrown by validation code deep inside a handler to end the call with a Bot API error;
/// the endpoint turns it into the error envelope. Keeps handlers free of error plumbing.
/// </summary>
internal sealed class BotApiRejection(BotApiResult result) : Exception(result.Body.Description)
{
    public BotApiResult Result { get; } = result;
}
