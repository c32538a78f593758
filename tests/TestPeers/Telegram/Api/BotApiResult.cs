namespace AsnBot.TestPeers.Telegram;

/// <summary>An answer to one Bot API call: the HTTP status and the JSON envelope to write.</summary>
internal sealed record BotApiResult(int StatusCode, ApiResponse Body)
{
    public static BotApiResult Ok(object result, string? description = null) =>
        new(200, new ApiResponse(true, result, Description: description));

    /// <summary>Telegram answers errors with the HTTP status equal to <c>error_code</c>.</summary>
    public static BotApiResult Error(int errorCode, string description, int? retryAfter = null) =>
        new(errorCode, new ApiResponse(
            false,
            ErrorCode: errorCode,
            Description: description,
            Parameters: retryAfter is null ? null : new ApiResponseParameters(RetryAfter: retryAfter)));
}
