namespace AsnBot.TestPeers.Telegram;

/// <summary>Telegram's <c>CallbackQuery</c>: a press on an inline button of a message the bot sent.</summary>
internal sealed record ApiCallbackQuery(string Id, ApiUser From, ApiMessage Message, string ChatInstance, string Data);
