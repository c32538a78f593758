namespace AsnBot.TestPeers.Telegram;

/// <summary>The bot's <c>answerCallbackQuery</c> for one button press.</summary>
public sealed record CallbackAnswer(string CallbackQueryId, string? Text, bool ShowAlert, string? Url, DateTimeOffset AnsweredAt);
