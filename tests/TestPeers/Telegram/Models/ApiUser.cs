namespace AsnBot.TestPeers.Telegram;

/// <summary>Telegram's <c>User</c> object; the bot-only capability fields appear only in <c>getMe</c>.</summary>
internal sealed record ApiUser(
    long Id,
    bool IsBot,
    string FirstName,
    string? LastName = null,
    string? Username = null,
    string? LanguageCode = null,
    bool? CanJoinGroups = null,
    bool? CanReadAllGroupMessages = null,
    bool? SupportsInlineQueries = null,
    bool? CanConnectToBusiness = null,
    bool? HasMainWebApp = null);
