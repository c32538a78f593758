using System.Text.Json;

namespace AsnBot.TestPeers.Telegram;

/// <summary>Reading of the parameters most methods share, with Telegram's wording when they are missing or wrong.</summary>
internal static class ParameterRules
{
    /// <summary>
    /// A numeric <c>chat_id</c>. Channel usernames (<c>@name</c>) name no simulated chat, so they get "chat not found".
    /// </summary>
    public static long RequireChatId(RequestParameters parameters)
    {
        var text = parameters.GetString("chat_id");
        if (string.IsNullOrEmpty(text))
        {
            throw BotApiErrors.Reject("chat_id is empty");
        }

        return text.StartsWith('@') ? throw BotApiErrors.ChatNotFound() : parameters.GetInt64("chat_id")!.Value;
    }

    public static int RequireMessageId(RequestParameters parameters)
    {
        if (parameters.Has("inline_message_id"))
        {
            throw BotApiErrors.Reject("inline messages are not simulated; use chat_id and message_id");
        }

        var id = parameters.GetInt64("message_id") ?? throw BotApiErrors.Reject("message identifier is not specified");
        return id is > 0 and <= int.MaxValue ? (int)id : throw BotApiErrors.Reject("message identifier is not specified");
    }

    /// <summary>A list of strings such as <c>allowed_updates</c>, sent as a JSON array or a JSON-encoded string.</summary>
    public static IReadOnlyList<string> StringList(RequestParameters parameters, string name) =>
        parameters.GetJson(name) is { ValueKind: JsonValueKind.Array } array
            ? [.. array.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()!)]
            : [];
}
