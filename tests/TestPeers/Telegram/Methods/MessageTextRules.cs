using System.Text.Json;

namespace AsnBot.TestPeers.Telegram;

/// <summary>Telegram's rules for a message text: present, at most 4096 characters after markup, markup well formed.</summary>
internal static class MessageTextRules
{
    public const int MaxLength = 4096;

    public static FormattedText Read(RequestParameters parameters)
    {
        var source = parameters.GetString("text");
        if (string.IsNullOrWhiteSpace(source))
        {
            throw BotApiErrors.Reject("message text is empty");
        }

        var text = parameters.GetJson("entities") is { ValueKind: JsonValueKind.Array } entities
            ? FormattedText.Plain(source, entities.Deserialize<List<ApiMessageEntity>>(ApiJson.Options))
            : FormattedTextParser.Parse(source, parameters.GetString("parse_mode"));

        if (string.IsNullOrWhiteSpace(text.Visible))
        {
            throw BotApiErrors.Reject("message text is empty");
        }

        // Telegram counts UTF-16 code units, the same unit entity offsets use.
        return text.Visible.Length > MaxLength ? throw BotApiErrors.Reject("message is too long") : text;
    }
}
