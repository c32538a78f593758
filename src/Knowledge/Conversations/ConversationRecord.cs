namespace AsnBot.Knowledge.Conversations;

/// <summary>
/// The saved state of one conversation (one channel address). The state itself is owned
/// by the conversation engine and stored as JSON; <see cref="Version"/> guards against two
/// turns of the same person overwriting each other.
/// </summary>
public sealed class ConversationRecord
{
    public long Id { get; set; }
    public required string Channel { get; set; }
    public required string Address { get; set; }
    public Guid? PersonId { get; set; }
    public required string StateJson { get; set; }
    public long Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
