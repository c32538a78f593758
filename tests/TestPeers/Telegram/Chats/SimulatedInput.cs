namespace AsnBot.TestPeers.Telegram;

/// <summary>What a simulated user action produced.</summary>
/// <param name="ChatId">The chat the action happened in.</param>
/// <param name="UpdateId">The update created for the bot; null when the bot's <c>allowed_updates</c> excluded its type,
/// because Telegram then never creates one.</param>
/// <param name="MessageId">The id of the user's new message, for text input.</param>
/// <param name="CallbackQueryId">The id the bot must pass to <c>answerCallbackQuery</c>, for button presses.</param>
public sealed record SimulatedInput(long ChatId, long? UpdateId, int? MessageId = null, string? CallbackQueryId = null);
