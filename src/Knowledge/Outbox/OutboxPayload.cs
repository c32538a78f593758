using System.Text.Json;

namespace AsnBot.Knowledge.Outbox;

public sealed record OutboxButton(string Label, string Value);

/// <summary>One message as a channel sends it: a text and the buttons under it.</summary>
public sealed record OutboxText(string Text, IReadOnlyList<OutboxButton>? Buttons);

/// <summary>
/// What to send. Either a literal <see cref="Text"/> (a coordinator's announcement) or a
/// <see cref="TextKey"/> into the shipped texts with <see cref="Args"/> for its placeholders,
/// so that texts written by jobs stay in the YAML; or a <see cref="DialogId"/> to start.
/// A dialog's row whose sending failed after the dialog started keeps the messages not yet
/// sent in <see cref="Replies"/>, so the retry sends those instead of starting it again; a
/// text sent in parts whose later part failed keeps itself there with <see cref="PartsSent"/>,
/// so the retry goes on from the part that failed.
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
    public IReadOnlyList<OutboxText>? Replies { get; init; }
    /// <summary>Of the first of <see cref="Replies"/>, the parts of its text already delivered.</summary>
    public int? PartsSent { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static OutboxPayload FromJson(string json) =>
        JsonSerializer.Deserialize<OutboxPayload>(json, Json) ?? throw new InvalidDataException("Empty outbox payload.");
}
