namespace AsnBot.TestPeers.Telegram;

/// <summary>Telegram's <c>MessageEntity</c>; offsets and lengths count UTF-16 code units.</summary>
internal sealed record ApiMessageEntity(string Type, int Offset, int Length, string? Url = null, string? Language = null);
