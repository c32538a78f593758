namespace AsnBot.Knowledge.Profiles;

/// <summary>
/// Where a person can be reached: the channel's own address (web session id, Telegram
/// chat id, Teams conversation id) captured on first contact, so later sends need nothing
/// from the person.
/// </summary>
public sealed class ChannelAccount
{
    public long Id { get; set; }
    public Guid PersonId { get; set; }
    public required string Channel { get; set; }
    public required string Address { get; set; }
    /// <summary>Channel-specific reference (e.g. Teams serviceUrl and tenant) as JSON.</summary>
    public string? Reference { get; set; }
    public bool IsReachable { get; set; } = true;
    public DateTimeOffset LinkedAt { get; set; }
}
