using System.Text;

namespace AsnBot.TestPeers.Telegram;

/// <summary>
/// Telegram's MarkdownV2: every reserved character outside markup must be escaped with a backslash, and every
/// entity must be closed. Block quotes are accepted but not turned into entities.
/// </summary>
internal static class MarkdownV2Text
{
    private const string Reserved = "_*[]()~`>#+-=|{}.!";

    public static FormattedText Parse(string source)
    {
        var parser = new Parser(source);
        parser.Run();
        return new FormattedText(source, parser.Visible.ToString(), FormattedTextParser.Ordered(parser.Entities));
    }

    private sealed class Parser(string source)
    {
        private readonly Stack<OpenEntity> _open = new();
        private int _index;

        public StringBuilder Visible { get; } = new();

        public List<ApiMessageEntity> Entities { get; } = [];

        private bool InCode => _open.TryPeek(out var top) && top.Type is "code" or "pre";

        public void Run()
        {
            while (_index < source.Length)
            {
                Step(source[_index]);
            }

            if (_open.TryPeek(out var unclosed))
            {
                throw FormattedTextParser.CannotParse($"Can't find end of {unclosed.Name} entity at byte offset {unclosed.ByteOffset}");
            }
        }

        private void Step(char c)
        {
            if (c == '\\' && _index + 1 < source.Length && source[_index + 1] is > '\0' and < '\u007f')
            {
                Visible.Append(source[_index + 1]);
                _index += 2;
                return;
            }

            if (InCode && c != '`')
            {
                Visible.Append(c);
                _index++;
                return;
            }

            switch (c)
            {
                case '*': Toggle("bold", "Bold", 1); break;
                case '_' when Next(1) == '_': Toggle("underline", "Underline", 2); break;
                case '_': Toggle("italic", "Italic", 1); break;
                case '~': Toggle("strikethrough", "Strikethrough", 1); break;
                case '|' when Next(1) == '|': Toggle("spoiler", "Spoiler", 2); break;
                case '`' when Next(1) == '`' && Next(2) == '`': TogglePre(); break;
                case '`': Toggle("code", "Code", 1); break;
                case '[': Open("text_link", "TextUrl", 1); break;
                case '!' when Next(1) == '[': Open("custom_emoji", "CustomEmoji", 2); break;
                case ']' when Next(1) == '(' && _open.TryPeek(out var link) && link.Type is "text_link" or "custom_emoji": CloseLink(); break;
                case '>' when _index == 0 || source[_index - 1] == '\n': _index++; break;
                default:
                    if (Reserved.Contains(c, StringComparison.Ordinal))
                    {
                        throw FormattedTextParser.CannotParse($"Character '{c}' is reserved and must be escaped with the preceding '\\'");
                    }

                    Visible.Append(c);
                    _index++;
                    break;
            }
        }

        private char Next(int ahead) => _index + ahead < source.Length ? source[_index + ahead] : '\0';

        private void Toggle(string type, string name, int width)
        {
            if (_open.TryPeek(out var top) && top.Type == type)
            {
                Close(top, url: null);
            }
            else
            {
                Open(type, name, 0);
            }

            _index += width;
        }

        private void TogglePre()
        {
            if (_open.TryPeek(out var top) && top.Type == "pre")
            {
                Close(top, url: null);
                _index += 3;
                return;
            }

            Open("pre", "Pre", 3);

            // A word right after the opening fence is the code language, not text.
            var lineEnd = source.IndexOf('\n', _index);
            if (lineEnd > _index && !source[_index..lineEnd].Any(char.IsWhiteSpace))
            {
                _index = lineEnd + 1;
            }
        }

        private void Open(string type, string name, int width)
        {
            _open.Push(new OpenEntity(type, name, Visible.Length, FormattedTextParser.ByteOffset(source, _index)));
            _index += width;
        }

        private void CloseLink()
        {
            var urlEnd = source.IndexOf(')', _index + 2);
            var top = _open.Peek();
            if (urlEnd < 0)
            {
                throw FormattedTextParser.CannotParse($"Can't find end of a url at byte offset {FormattedTextParser.ByteOffset(source, _index + 1)}");
            }

            Close(top, source[(_index + 2)..urlEnd].Replace("\\)", ")", StringComparison.Ordinal));
            _index = urlEnd + 1;
        }

        private void Close(OpenEntity entity, string? url)
        {
            _open.Pop();
            if (Visible.Length > entity.VisibleOffset)
            {
                Entities.Add(new ApiMessageEntity(entity.Type, entity.VisibleOffset, Visible.Length - entity.VisibleOffset, url));
            }
        }
    }

    private sealed record OpenEntity(string Type, string Name, int VisibleOffset, int ByteOffset);
}
