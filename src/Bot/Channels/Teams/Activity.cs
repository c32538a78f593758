using System.Text.Json;
using System.Text.Json.Serialization;

namespace AsnBot.Channels.Teams;

/// <summary>The part of a Bot Framework activity AsnBot reads or writes (camelCase JSON).</summary>
public sealed record Activity
{
    public string? Type { get; init; }
    public string? Id { get; init; }
    public string? ServiceUrl { get; init; }
    public string? ChannelId { get; init; }
    public ChannelAccountRef? From { get; init; }
    public ChannelAccountRef? Recipient { get; init; }
    public ConversationRef? Conversation { get; init; }
    public string? Text { get; init; }
    public string? TextFormat { get; init; }
    public string? ReplyToId { get; init; }
    public JsonElement? Value { get; init; }
    public string? Action { get; init; }
    public IReadOnlyList<ChannelAccountRef>? MembersAdded { get; init; }
    public IReadOnlyList<ChannelAccountRef>? MembersRemoved { get; init; }
    public TeamsChannelData? ChannelData { get; init; }
    public IReadOnlyList<Attachment>? Attachments { get; init; }

    [JsonIgnore]
    public string? TenantId => Conversation?.TenantId ?? ChannelData?.Tenant?.Id;
}

public sealed record ChannelAccountRef(string? Id, string? Name = null)
{
    public string? AadObjectId { get; init; }
}

public sealed record ConversationRef(string? Id)
{
    public string? ConversationType { get; init; }
    public string? TenantId { get; init; }
}

public sealed record TeamsChannelData
{
    public TenantRef? Tenant { get; init; }
}

public sealed record TenantRef(string? Id);

public sealed record Attachment(string ContentType, JsonElement Content);

/// <summary>The activity types AsnBot acts on; every other type is acknowledged and ignored.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
}
