namespace AsnBot.Knowledge.Conversations;

/// <summary>
/// An inbound update already handled (Telegram update_id, Teams activity id). Written in
/// the same transaction as the state change it caused, so a redelivery is a no-op.
/// </summary>
public sealed class InboundReceipt
{
    public long Id { get; set; }
    public required string Channel { get; set; }
    public required string ExternalId { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}
