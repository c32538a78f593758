namespace AsnBot.TestPeers.Telegram;

/// <summary>An update as created, kept so it can be redelivered byte for byte.</summary>
/// <param name="Type">The update's kind, i.e. its one field besides <c>update_id</c> (<c>message</c>, <c>callback_query</c>...).</param>
/// <param name="Json">The full update object, <c>update_id</c> included.</param>
internal sealed record StoredUpdate(long UpdateId, string Type, string Json);

/// <summary>
/// One queued delivery of an update. A class, not a record: two redeliveries of the same update are
/// distinct entries. A redelivery ignores offset confirmation and leaves the queue once handed out.
/// </summary>
internal sealed class PendingUpdate(StoredUpdate update, bool isRedelivery)
{
    public StoredUpdate Update { get; } = update;

    public bool IsRedelivery { get; } = isRedelivery;
}
