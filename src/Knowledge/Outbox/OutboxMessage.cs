namespace AsnBot.Knowledge.Outbox;

public enum OutboxKind
{
    Text,
    TextWithButtons,
    StartDialog,
}

public enum OutboxStatus
{
    Pending,
    Sending,
    Sent,
    Failed,
    Unreachable,
    Cancelled,
}

/// <summary>
/// One message the system sends first, to one person on one channel address. Every
/// announcement, reminder and questionnaire goes through these rows, so a send survives a
/// crash, is never duplicated by a second enqueue (<see cref="DedupeKey"/> for a personal
/// message, one row per person for a broadcast), respects the recipient's local time
/// (<see cref="NotBefore"/>) and can be counted per broadcast.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public Guid PersonId { get; set; }
    public required string Channel { get; set; }
    public required string Address { get; set; }
    public OutboxKind Kind { get; set; }
    /// <summary>An <see cref="OutboxPayload"/> as JSON.</summary>
    public required string PayloadJson { get; set; }
    public DateTimeOffset NotBefore { get; set; }
    public required string DedupeKey { get; set; }
    public long? BroadcastId { get; set; }
    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    /// <summary>Which dispatcher took the row, and when: a lease that recovery can expire.</summary>
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}
