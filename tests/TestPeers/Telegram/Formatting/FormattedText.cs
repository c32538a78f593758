namespace AsnBot.TestPeers.Telegram;

/// <summary>A message text as sent (<see cref="Source"/>) and as the user sees it once markup is applied.</summary>
internal sealed record FormattedText(string Source, string Visible, IReadOnlyList<ApiMessageEntity>? Entities)
{
    public static FormattedText Plain(string text, IReadOnlyList<ApiMessageEntity>? entities = null) => new(text, text, entities);
}
