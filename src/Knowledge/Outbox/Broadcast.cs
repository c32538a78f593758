using System.Text.Json.Serialization;

namespace AsnBot.Knowledge.Outbox;

[JsonConverter(typeof(JsonStringEnumConverter<BroadcastStatus>))]
public enum BroadcastStatus
{
    Draft,
    Scheduled,
    Enqueueing,
    Enqueued,
    Cancelled,
}

/// <summary>
/// An announcement from a coordinator to an audience. Its messages are outbox rows carrying
/// its id, so what happened to each of them is counted from there (<see cref="BroadcastStatistics"/>).
/// </summary>
public sealed class Broadcast
{
    public long Id { get; set; }
    public required string Text { get; set; }
    /// <summary>Button labels as JSON; each is sent with the value <c>ack:&lt;id&gt;:&lt;index&gt;</c>.</summary>
    public string ButtonsJson { get; set; } = "[]";
    /// <summary>An <see cref="AudienceFilter"/> as JSON.</summary>
    public string AudienceJson { get; set; } = "{}";
    /// <summary>Wall-clock time in each recipient's own zone; null means as soon as allowed.</summary>
    public DateTime? SendAtLocal { get; set; }
    public BroadcastStatus Status { get; set; } = BroadcastStatus.Draft;
    public int Targeted { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// A person pressed one of a broadcast's buttons ("Sudah dibaca", "Daftar"). One row per
/// person and button, so pressing twice counts once.
/// </summary>
public sealed class BroadcastResponse
{
    public long Id { get; set; }
    public long BroadcastId { get; set; }
    public Guid PersonId { get; set; }
    public int ButtonIndex { get; set; }
    public DateTimeOffset At { get; set; }
}
