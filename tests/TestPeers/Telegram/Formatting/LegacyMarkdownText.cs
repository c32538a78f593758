using System.Text;

namespace AsnBot.TestPeers.Telegram;

/// <summary>Telegram's legacy Markdown: *bold*, _italic_, `code`, ```pre``` and [text](url), no nesting.</summary>
internal static class LegacyMarkdownText
{
    private static readonly (string Marker, string Type)[] Markers =
        [("```", "pre"), ("*", "bold"), ("_", "italic"), ("`", "code"), ("[", "text_link")];

    public static FormattedText Parse(string source)
    {
        var visible = new StringBuilder();
        var entities = new List<ApiMessageEntity>();
        var index = 0;
        while (index < source.Length)
        {
            if (source[index] == '\\' && index + 1 < source.Length && "*_`[".Contains(source[index + 1], StringComparison.Ordinal))
            {
                visible.Append(source[index + 1]);
                index += 2;
                continue;
            }

            var marker = Markers.FirstOrDefault(candidate => source.AsSpan(index).StartsWith(candidate.Marker, StringComparison.Ordinal));
            if (marker.Marker is null)
            {
                visible.Append(source[index]);
                index++;
                continue;
            }

            index = AppendEntity(source, index, marker, visible, entities);
        }

        return new FormattedText(source, visible.ToString(), FormattedTextParser.Ordered(entities));
    }

    private static int AppendEntity(string source, int start, (string Marker, string Type) marker, StringBuilder visible, List<ApiMessageEntity> entities)
    {
        var contentStart = start + marker.Marker.Length;
        var closer = marker.Type == "text_link" ? "]" : marker.Marker;
        var contentEnd = source.IndexOf(closer, contentStart, StringComparison.Ordinal);
        if (contentEnd < 0)
        {
            throw FormattedTextParser.CannotParse($"Can't find end of the entity starting at byte offset {FormattedTextParser.ByteOffset(source, start)}");
        }

        var next = contentEnd + closer.Length;
        string? url = null;
        if (marker.Type == "text_link" && next < source.Length && source[next] == '(')
        {
            var urlEnd = source.IndexOf(')', next);
            if (urlEnd < 0)
            {
                throw FormattedTextParser.CannotParse($"Can't find end of the entity starting at byte offset {FormattedTextParser.ByteOffset(source, start)}");
            }

            url = source[(next + 1)..urlEnd];
            next = urlEnd + 1;
        }

        var offset = visible.Length;
        visible.Append(source, contentStart, contentEnd - contentStart);
        if (contentEnd > contentStart && (marker.Type != "text_link" || url is not null))
        {
            entities.Add(new ApiMessageEntity(marker.Type, offset, contentEnd - contentStart, url));
        }

        return next;
    }
}
