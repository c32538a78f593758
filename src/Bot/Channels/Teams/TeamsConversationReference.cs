using System.Text.Json;

namespace AsnBot.Channels.Teams;

/// <summary>
/// What a proactive send needs and the person never has to give again: kept as JSON in
/// <c>ChannelAccount.Reference</c>; the account's address is the conversation id.
/// </summary>
public sealed record TeamsConversationReference(string ConversationId, string ServiceUrl, string? TenantId, string? UserAadObjectId, string? BotId)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static TeamsConversationReference? From(Activity activity) =>
        activity.Conversation?.Id is { Length: > 0 } conversationId && activity.ServiceUrl is { Length: > 0 } serviceUrl
            ? new(conversationId, serviceUrl, activity.TenantId, activity.From?.AadObjectId, activity.Recipient?.Id)
            : null;

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static TeamsConversationReference? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
            return null;
        try
        {
            return JsonSerializer.Deserialize<TeamsConversationReference>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
