namespace AsnBot.TestPeers.Telegram;

/// <summary>Runs one Bot API method. Validation failures are thrown as <see cref="BotApiRejection"/>.</summary>
internal delegate ValueTask<BotApiResult> BotApiHandler(RequestParameters parameters, CancellationToken cancellationToken);
