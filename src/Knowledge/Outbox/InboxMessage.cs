namespace AsnBot.Knowledge.Outbox;

/// <summary>
/// A message waiting for a channel that cannot be pushed to: the web chat page fetches them
/// by session (its address) and id, so proactive messages reach it too.
/// </summary>
public sealed class InboxMessage
{
    public long Id { get; set; }
    public required string Channel { get; set; }
    public required string Address { get; set; }
    public Guid? PersonId { get; set; }
    public required string Text { get; set; }
    /// <summary>Buttons as JSON (<see cref="OutboxButton"/> list).</summary>
    public string ChoicesJson { get; set; } = "[]";
    public DateTimeOffset CreatedAt { get; set; }
}
