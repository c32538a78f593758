namespace AsnBot.Conversations.Engine;

public enum GlobalCommand
{
    Start,
    Menu,
    Cancel,
    Help,
    MyData,
    DeleteData,
}

/// <summary>Commands that interrupt any dialog, as slash commands or plain words.</summary>
public static class GlobalCommands
{
    private static readonly Dictionary<string, GlobalCommand> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/start"] = GlobalCommand.Start,
        ["/mulai"] = GlobalCommand.Start,
        ["/menu"] = GlobalCommand.Menu,
        ["menu"] = GlobalCommand.Menu,
        ["/batal"] = GlobalCommand.Cancel,
        ["batal"] = GlobalCommand.Cancel,
        ["/bantuan"] = GlobalCommand.Help,
        ["bantuan"] = GlobalCommand.Help,
        ["/help"] = GlobalCommand.Help,
        ["/dataku"] = GlobalCommand.MyData,
        ["/hapusdata"] = GlobalCommand.DeleteData,
    };

    public static GlobalCommand? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
            return null;
        var word = text.Trim();
        // Telegram appends the bot's name in groups: /start@AsnBot.
        var at = word.IndexOf('@', StringComparison.Ordinal);
        if (word.StartsWith('/') && at > 0)
            word = word[..at];
        word = word.TrimEnd('.', '!', '?');
        return Words.TryGetValue(word, out var command) ? command : null;
    }
}
