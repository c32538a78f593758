using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace AsnBot.TestPeers.Telegram;

/// <summary>Telegram's HTML parse mode: only the documented tags, properly nested, with &amp;-escapes.</summary>
internal static partial class HtmlText
{
    private static readonly Dictionary<string, string> EntityByTag = new(StringComparer.Ordinal)
    {
        ["b"] = "bold", ["strong"] = "bold",
        ["i"] = "italic", ["em"] = "italic",
        ["u"] = "underline", ["ins"] = "underline",
        ["s"] = "strikethrough", ["strike"] = "strikethrough", ["del"] = "strikethrough",
        ["span"] = "spoiler", ["tg-spoiler"] = "spoiler",
        ["a"] = "text_link",
        ["code"] = "code",
        ["pre"] = "pre",
        ["blockquote"] = "blockquote",
        ["tg-emoji"] = "custom_emoji",
    };

    public static FormattedText Parse(string source)
    {
        var visible = new StringBuilder();
        var entities = new List<ApiMessageEntity>();
        var open = new Stack<OpenTag>();
        var index = 0;
        while (index < source.Length)
        {
            var c = source[index];
            if (c == '&')
            {
                index = AppendCharacterReference(source, index, visible);
                continue;
            }

            if (c != '<')
            {
                visible.Append(c);
                index++;
                continue;
            }

            var end = source.IndexOf('>', index);
            if (end < 0)
            {
                throw FormattedTextParser.CannotParse($"Unclosed start tag at byte offset {FormattedTextParser.ByteOffset(source, index)}");
            }

            var tag = source[(index + 1)..end];
            if (tag.StartsWith('/'))
            {
                CloseTag(source, index, tag[1..].Trim().ToLowerInvariant(), open, visible.Length, entities);
            }
            else
            {
                open.Push(OpenTagAt(source, index, tag, visible.Length));
            }

            index = end + 1;
        }

        if (open.Count > 0)
        {
            throw FormattedTextParser.CannotParse($"Can't find end tag corresponding to start tag \"{open.Peek().Name}\"");
        }

        return new FormattedText(source, visible.ToString(), FormattedTextParser.Ordered(entities));
    }

    private static OpenTag OpenTagAt(string source, int index, string tag, int visibleOffset)
    {
        var nameLength = tag.IndexOfAny([' ', '\t', '\n', '/']);
        var name = (nameLength < 0 ? tag : tag[..nameLength]).ToLowerInvariant();
        var attributes = AttributePattern().Matches(tag).ToDictionary(
            match => match.Groups["name"].Value.ToLowerInvariant(),
            match => WebUtility.HtmlDecode(match.Groups["value"].Value),
            StringComparer.Ordinal);
        if (!EntityByTag.ContainsKey(name))
        {
            throw FormattedTextParser.CannotParse($"Unsupported start tag \"{name}\" at byte offset {FormattedTextParser.ByteOffset(source, index)}");
        }

        if (name == "span" && attributes.GetValueOrDefault("class") != "tg-spoiler")
        {
            throw FormattedTextParser.CannotParse($"Tag \"span\" must have class \"tg-spoiler\" at byte offset {FormattedTextParser.ByteOffset(source, index)}");
        }

        return new OpenTag(name, visibleOffset, attributes.GetValueOrDefault("href"));
    }

    private static void CloseTag(string source, int index, string name, Stack<OpenTag> open, int visibleOffset, List<ApiMessageEntity> entities)
    {
        var byteOffset = FormattedTextParser.ByteOffset(source, index);
        if (!open.TryPop(out var top))
        {
            throw FormattedTextParser.CannotParse($"Unexpected end tag at byte offset {byteOffset}");
        }

        if (top.Name != name)
        {
            throw FormattedTextParser.CannotParse($"Unmatched end tag at byte offset {byteOffset}, expected \"</{top.Name}>\", found \"</{name}>\"");
        }

        // Telegram silently drops entities that cover no text.
        if (visibleOffset > top.VisibleOffset)
        {
            entities.Add(new ApiMessageEntity(EntityByTag[top.Name], top.VisibleOffset, visibleOffset - top.VisibleOffset, top.Url));
        }
    }

    /// <summary>Decodes &amp;lt; &amp;gt; &amp;amp; &amp;quot; and numeric references; anything else stays literal, as in Telegram.</summary>
    private static int AppendCharacterReference(string source, int index, StringBuilder visible)
    {
        var end = source.IndexOf(';', index);
        var name = end < 0 || end - index > 10 ? null : source[(index + 1)..end];
        var decoded = name switch
        {
            "lt" => "<",
            "gt" => ">",
            "amp" => "&",
            "quot" => "\"",
            ['#', 'x' or 'X', .. var hex] when int.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code) => char.ConvertFromUtf32(code),
            ['#', .. var digits] when int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var code) => char.ConvertFromUtf32(code),
            _ => null,
        };
        if (decoded is null)
        {
            visible.Append('&');
            return index + 1;
        }

        visible.Append(decoded);
        return end + 1;
    }

    [GeneratedRegex("""(?<name>[A-Za-z][\w-]*)\s*=\s*(?:"(?<value>[^"]*)"|'(?<value>[^']*)'|(?<value>[^\s"'>]+))""")]
    private static partial Regex AttributePattern();

    private sealed record OpenTag(string Name, int VisibleOffset, string? Url);
}
