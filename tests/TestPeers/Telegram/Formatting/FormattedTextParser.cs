using System.Text;

namespace AsnBot.TestPeers.Telegram;

/// <summary>
/// Applies a <c>parse_mode</c> the way Telegram does: strips the markup into entities and refuses malformed
/// markup with Telegram's "can't parse entities" errors. Catching those here matters: a stray "." in
/// MarkdownV2 or a &lt;br&gt; in HTML is a real production failure the fake must reproduce.
/// </summary>
internal static class FormattedTextParser
{
    public static FormattedText Parse(string source, string? parseMode) => parseMode?.ToUpperInvariant() switch
    {
        null or "" => FormattedText.Plain(source),
        "HTML" => HtmlText.Parse(source),
        "MARKDOWNV2" => MarkdownV2Text.Parse(source),
        "MARKDOWN" => LegacyMarkdownText.Parse(source),
        _ => throw BotApiErrors.Reject("unsupported parse_mode"),
    };

    public static BotApiRejection CannotParse(string detail) => BotApiErrors.Reject($"can't parse entities: {detail}");

    /// <summary>Telegram reports positions in markup errors as UTF-8 byte offsets into the sent text.</summary>
    public static int ByteOffset(string source, int charIndex) => Encoding.UTF8.GetByteCount(source.AsSpan(0, charIndex));

    /// <summary>Telegram lists entities by offset, outer entities before the ones nested in them.</summary>
    public static IReadOnlyList<ApiMessageEntity>? Ordered(List<ApiMessageEntity> entities) =>
        entities.Count == 0 ? null : [.. entities.OrderBy(entity => entity.Offset).ThenByDescending(entity => entity.Length)];
}
