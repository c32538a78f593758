using System.Text;

namespace AsnBot.Channels.Telegram;

/// <summary>
/// Texts as Telegram takes them: at most 4,096 characters per message (counted after HTML
/// parsing, so on the plain text), split where a reader would pause, and HTML-escaped
/// because messages go out with parse_mode HTML.
/// </summary>
public static class TelegramText
{
    public const int MaxLength = 4096;

    /// <summary>Splits at paragraph breaks, else line breaks, else spaces, else hard, never inside a surrogate pair.</summary>
    public static IReadOnlyList<string> Split(string text, int maxLength = MaxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = new List<string>();
        var rest = text.Trim();
        while (rest.Length > maxLength)
        {
            var cut = LastBreak(rest, "\n\n", maxLength) ?? LastBreak(rest, "\n", maxLength) ?? LastBreak(rest, " ", maxLength) ?? HardCut(rest, maxLength);
            parts.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }
        if (rest.Length > 0 || parts.Count == 0)
            parts.Add(rest);
        return parts;
    }

    private static int? LastBreak(string text, string separator, int maxLength)
    {
        var at = text.LastIndexOf(separator, maxLength, StringComparison.Ordinal);
        return at > 0 ? at : null;
    }

    private static int HardCut(string text, int maxLength) =>
        char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;

    /// <summary>The text with markup made literal: only &lt;, &gt; and &amp; matter to Telegram's HTML parser.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '<' => escaped.Append("&lt;"),
                '>' => escaped.Append("&gt;"),
                '&' => escaped.Append("&amp;"),
                _ => escaped.Append(c),
            };
        }
        return escaped.ToString();
    }
}
