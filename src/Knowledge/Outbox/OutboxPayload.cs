using System.Text.Json;

namespace AsnBot.Knowledge.Outbox;

public sealed record OutboxButton(string Label, string Value);

/// <summary>
/// What to send. Either a literal <see cref="Text"/> (a coordinator's announcement) or a
/// <see cref="TextKey"/> into the shipped texts with <see cref="Args"/> for its placeholders,
/// so that texts written by jobs stay in the YAML; or a <see cref="DialogId"/> to start.
/// </summary>
public sealed record OutboxPayload
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public string? Text { get; init; }
    public string? TextKey { get; init; }
    public IReadOnlyDictionary<string, string>? Args { get; init; }
    public IReadOnlyList<OutboxButton>? Buttons { get; init; }
    public string? DialogId { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static OutboxPayload FromJson(string json) =>
        JsonSerializer.Deserialize<OutboxPayload>(json, Json) ?? throw new InvalidDataException("Empty outbox payload.");
}
