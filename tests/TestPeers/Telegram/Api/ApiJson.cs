using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AsnBot.TestPeers.Telegram;

/// <summary>Serializer settings matching the Bot API wire format: snake_case names, absent optional fields.</summary>
internal static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static JsonNode ToNode<T>(T value) => JsonSerializer.SerializeToNode(value, Options)!;

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
