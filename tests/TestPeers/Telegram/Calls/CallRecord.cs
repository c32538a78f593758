using System.Globalization;
using System.Text.Json;

namespace AsnBot.TestPeers.Telegram;

/// <summary>One Bot API call the fake received, with what it answered.</summary>
/// <param name="Sequence">Arrival order across all calls, starting at 1.</param>
/// <param name="Method">The canonical method name (for example <c>sendMessage</c>), or the requested name when unknown.</param>
/// <param name="Parameters">Every parameter as sent; query/form values appear as JSON strings.</param>
/// <param name="StatusCode">The HTTP status answered, or <see cref="NoResponse"/> when a hang fault dropped the connection.</param>
/// <param name="ReceivedAtUtc">When the request arrived, at the system clock's full resolution.</param>
/// <param name="Duration">How long the fake took to answer, including injected delays.</param>
/// <param name="ContentType">The request's Content-Type header, if any.</param>
/// <param name="FromWebhookResponse">True when the method came in the body of a webhook's response rather than as a request of its own.</param>
public sealed record CallRecord(
    long Sequence,
    string Method,
    IReadOnlyDictionary<string, JsonElement> Parameters,
    int StatusCode,
    DateTime ReceivedAtUtc,
    TimeSpan Duration,
    string? ContentType,
    bool FromWebhookResponse = false)
{
    /// <summary>The status recorded when no HTTP answer was given at all (simulated timeout).</summary>
    public const int NoResponse = 0;

    public bool Succeeded => StatusCode == 200;

    /// <summary>The <c>chat_id</c> parameter when it is numeric.</summary>
    public long? ChatId => long.TryParse(GetString("chat_id"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null;

    public string? GetString(string name) => Parameters.TryGetValue(name, out var value)
        ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
        : null;

    /// <summary>An object or array parameter, parsing it when it was sent JSON-encoded inside a string.</summary>
    public JsonElement? GetJson(string name)
    {
        if (!Parameters.TryGetValue(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return value;
        }

        using var document = JsonDocument.Parse(value.GetString() ?? "null");
        return document.RootElement.Clone();
    }
}
