namespace AsnBot.TestPeers.Telegram;

/// <summary>
/// How a message the bot sent looks in the user's chat right now, after any edits.
/// </summary>
/// <param name="Text">The text as the user sees it, with HTML/Markdown markup already applied.</param>
/// <param name="RawText">The text exactly as the bot sent it, markup included.</param>
/// <param name="ParseMode">The parse mode of the latest send or edit, if any.</param>
/// <param name="Keyboard">The inline keyboard currently attached, or null.</param>
/// <param name="ReplyMarkupJson">Any reply markup the bot sent that is not an inline keyboard (reply keyboard, removal, force reply), as JSON.</param>
/// <param name="EditCount">How many times the text or keyboard was edited.</param>
/// <param name="IsDeleted">True once the bot deleted the message.</param>
public sealed record SentMessage(
    long ChatId,
    int MessageId,
    string Text,
    string RawText,
    string? ParseMode,
    InlineKeyboard? Keyboard,
    string? ReplyMarkupJson,
    int? ReplyToMessageId,
    DateTimeOffset SentAt,
    DateTimeOffset? EditedAt,
    int EditCount,
    bool IsDeleted);
