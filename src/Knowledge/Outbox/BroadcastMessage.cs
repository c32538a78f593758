using System.Globalization;
using System.Text.Json;

namespace AsnBot.Knowledge.Outbox;

/// <summary>
/// How a broadcast looks to its recipients, and how a press of one of its buttons comes
/// back: the button value <c>ack:&lt;broadcast id&gt;:&lt;button index&gt;</c>, short enough for
/// Telegram's 64-byte callback data.
/// </summary>
public static class BroadcastMessage
{
    private const string Prefix = "ack:";

    public static IReadOnlyList<string> ButtonLabels(Broadcast broadcast)
    {
        ArgumentNullException.ThrowIfNull(broadcast);
        return JsonSerializer.Deserialize<List<string>>(broadcast.ButtonsJson) ?? [];
    }

    public static OutboxPayload Payload(Broadcast broadcast)
    {
        var labels = ButtonLabels(broadcast);
        return new OutboxPayload
        {
            Text = broadcast.Text,
            Buttons = labels.Count == 0 ? null : [.. labels.Select((label, index) => new OutboxButton(label, ButtonValue(broadcast.Id, index)))],
        };
    }

    public static string ButtonValue(long broadcastId, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{broadcastId}:{index}");

    public static bool TryParseButton(string? value, out long broadcastId, out int index)
    {
        broadcastId = 0;
        index = 0;
        if (value is null || !value.StartsWith(Prefix, StringComparison.Ordinal))
            return false;
        var parts = value[Prefix.Length..].Split(':');
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out broadcastId)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out index);
    }
}
