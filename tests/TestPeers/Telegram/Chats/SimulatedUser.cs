namespace AsnBot.TestPeers.Telegram;

/// <summary>A simulated Telegram user who has started the bot; their private chat has the same id, as in Telegram.</summary>
public sealed record SimulatedUser(long Id, string FirstName, string? LastName, string? Username, string LanguageCode)
{
    public long ChatId => Id;
}
