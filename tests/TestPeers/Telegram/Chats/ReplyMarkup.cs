using System.Text.Json;

namespace AsnBot.TestPeers.Telegram;

/// <summary>
/// A validated <c>reply_markup</c>: an inline keyboard travels with the message and is echoed back;
/// any other kind (reply keyboard, removal, force reply) only affects the user's input field.
/// </summary>
internal sealed record ReplyMarkup(JsonElement? Inline, string? OtherJson)
{
    public static ReplyMarkup None { get; } = new(null, null);
}
