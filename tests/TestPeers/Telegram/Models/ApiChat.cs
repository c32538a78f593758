namespace AsnBot.TestPeers.Telegram;

/// <summary>Telegram's <c>Chat</c> object as it appears inside a message; only private chats are simulated.</summary>
internal sealed record ApiChat(long Id, string Type, string? FirstName = null, string? LastName = null, string? Username = null);
