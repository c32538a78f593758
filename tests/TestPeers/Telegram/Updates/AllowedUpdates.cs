namespace AsnBot.TestPeers.Telegram;

/// <summary>
/// The bot's <c>allowed_updates</c> setting. Unset or empty means Telegram's default: every kind except
/// <c>chat_member</c>, <c>message_reaction</c> and <c>message_reaction_count</c>, which must be asked for.
/// </summary>
internal sealed class AllowedUpdates
{
    private static readonly HashSet<string> OptInOnly = new(StringComparer.Ordinal)
    {
        "chat_member", "message_reaction", "message_reaction_count",
    };

    private volatile IReadOnlyList<string> _requested = [];

    public IReadOnlyList<string> Requested => _requested;

    public void Set(IReadOnlyList<string> requested) => _requested = requested;

    public bool Allows(string updateType)
    {
        var requested = _requested;
        return requested.Count == 0 ? !OptInOnly.Contains(updateType) : requested.Contains(updateType, StringComparer.Ordinal);
    }
}
