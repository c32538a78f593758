namespace AsnBot.Knowledge.Conversations;

/// <summary>
/// How far an inbound source that is read in order (a Telegram bot's getUpdates) has been
/// handled, so a restart asks for what comes next instead of starting over. Duplicates are
/// still caught by <see cref="InboundReceipt"/>; the cursor only saves the replay.
/// </summary>
public sealed class InboundCursor
{
    public required string Source { get; set; }
    public long Position { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
