namespace AsnBot.TestPeers.Telegram;

/// <summary>The envelope of every Bot API answer: <c>{"ok":true,"result":...}</c> or <c>{"ok":false,"error_code":...}</c>.</summary>
internal sealed record ApiResponse(
    bool Ok,
    object? Result = null,
    int? ErrorCode = null,
    string? Description = null,
    ApiResponseParameters? Parameters = null);

/// <summary>Telegram's <c>ResponseParameters</c>: why a request failed and what to do about it.</summary>
internal sealed record ApiResponseParameters(int? RetryAfter = null, long? MigrateToChatId = null);
