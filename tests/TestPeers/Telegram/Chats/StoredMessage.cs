using System.Text.Json;

namespace AsnBot.TestPeers.Telegram;

/// <summary>A message in a simulated chat, from either side. Mutable, and only touched under the chat store's lock.</summary>
internal sealed class StoredMessage
{
    public required long ChatId { get; init; }

    public required int MessageId { get; init; }

    public required bool FromBot { get; init; }

    /// <summary>Store-wide creation order; lets "messages since the user's last input" be answered exactly.</summary>
    public required long Sequence { get; init; }

    public required DateTimeOffset Date { get; init; }

    public int? ReplyToMessageId { get; init; }

    public required FormattedText Content { get; set; }

    public string? ParseMode { get; set; }

    /// <summary>The inline keyboard markup as sent, echoed back in <c>reply_markup</c> like Telegram does.</summary>
    public JsonElement? InlineMarkup { get; set; }

    /// <summary>Reply keyboards and the like: accepted and kept for inspection, but never echoed in a Message.</summary>
    public string? OtherReplyMarkupJson { get; set; }

    public DateTimeOffset? EditDate { get; set; }

    public int EditCount { get; set; }

    public bool Deleted { get; set; }

    public SentMessage ToView() => new(
        ChatId,
        MessageId,
        Content.Visible,
        Content.Source,
        ParseMode,
        InlineMarkup is { } markup ? InlineKeyboard.FromMarkup(markup) : null,
        OtherReplyMarkupJson,
        ReplyToMessageId,
        Date,
        EditDate,
        EditCount,
        Deleted);
}
