using System.Globalization;
using System.Text.Json;

namespace AsnBot.TestPeers.Telegram;

/// <summary>
/// The parameters of one Bot API call, whichever way they arrived. JSON bodies keep their types;
/// query, form and multipart values arrive as strings, so every accessor also accepts the string form
/// (for example <c>reply_markup</c> as a JSON-encoded string), as Telegram does.
/// </summary>
internal sealed class RequestParameters(IReadOnlyDictionary<string, JsonElement> values)
{
    public static RequestParameters Empty { get; } = new(new Dictionary<string, JsonElement>());

    public IReadOnlyDictionary<string, JsonElement> Values { get; } = values;

    public bool Has(string name) =>
        Values.TryGetValue(name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);

    public string? GetString(string name) => Values.TryGetValue(name, out var value) ? AsText(value) : null;

    public long? GetInt64(string name)
    {
        var text = GetString(name);
        if (text is null || text.Length == 0)
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw BotApiErrors.Reject($"invalid {name} specified");
    }

    /// <summary>Like <see cref="GetInt64"/> but never rejects: for code that only peeks, such as fault matching.</summary>
    public long? PeekInt64(string name) =>
        long.TryParse(GetString(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

    public bool GetBoolean(string name) => GetString(name) is { } text
        && (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text == "1");

    /// <summary>An object or array parameter; a string holding JSON is parsed, as form-encoded clients send it.</summary>
    public JsonElement? GetJson(string name)
    {
        if (!Values.TryGetValue(name, out var value))
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
        {
            return value;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(value.GetString() ?? string.Empty);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw BotApiErrors.Reject($"can't parse {name} JSON object");
        }
    }

    private static string? AsText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };
}
