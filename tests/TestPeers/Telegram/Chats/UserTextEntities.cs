namespace AsnBot.TestPeers.Telegram;

/// <summary>
/// The entities Telegram attaches to text a user types. Only a leading bot command is detected,
/// which is what command routing in bots relies on.
/// </summary>
internal static class UserTextEntities
{
    public static IReadOnlyList<ApiMessageEntity>? Detect(string text)
    {
        if (!text.StartsWith('/') || text.Length < 2 || !IsCommandChar(text[1]))
        {
            return null;
        }

        var length = 1;
        while (length < text.Length && (IsCommandChar(text[length]) || text[length] == '@'))
        {
            length++;
        }

        return [new ApiMessageEntity("bot_command", 0, length)];
    }

    private static bool IsCommandChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
