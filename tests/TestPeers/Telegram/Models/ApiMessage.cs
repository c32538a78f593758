using System.Text.Json;

namespace AsnBot.TestPeers.Telegram;

/// <summary>Telegram's <c>Message</c> object, limited to the text-message fields the fake produces.</summary>
internal sealed record ApiMessage(
    int MessageId,
    ApiUser From,
    ApiChat Chat,
    long Date,
    long? EditDate = null,
    ApiMessage? ReplyToMessage = null,
    string? Text = null,
    IReadOnlyList<ApiMessageEntity>? Entities = null,
    JsonElement? ReplyMarkup = null);
