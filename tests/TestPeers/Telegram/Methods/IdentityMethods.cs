namespace AsnBot.TestPeers.Telegram;

/// <summary><c>getMe</c>: the bot's own User object, with the bot-only capability flags.</summary>
internal sealed class IdentityMethods(ApiUser bot)
{
    public ValueTask<BotApiResult> GetMe(RequestParameters parameters, CancellationToken cancellationToken) =>
        ValueTask.FromResult(BotApiResult.Ok(bot with
        {
            CanJoinGroups = true,
            CanReadAllGroupMessages = false,
            SupportsInlineQueries = false,
            CanConnectToBusiness = false,
            HasMainWebApp = false,
        }));
}
