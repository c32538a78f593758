using System.Text.Json;
using System.Text.Json.Serialization;
using AsnBot.Conversations.Engine;

namespace AsnBot.Conversations;

/// <summary>
/// The saved state's JSON, with its reader and writer generated at build time: every turn reads
/// and writes the state, and the reflection serializer walks its metadata on each call. Same
/// options as the reflection serializer had (the web defaults), so the same text comes out and
/// rows written before read as they did.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ConversationState))]
internal sealed partial class ConversationStateJson : JsonSerializerContext
{
    public static Engine.ConversationState Read(string json) =>
        JsonSerializer.Deserialize(json, Default.ConversationState) ?? Engine.ConversationState.Idle;

    public static string Write(Engine.ConversationState state) => JsonSerializer.Serialize(state, Default.ConversationState);
}
