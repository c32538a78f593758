using AsnBot.Conversations.Engine;

namespace AsnBot.Conversations;

/// <summary>Who wrote, on which channel: the channel's own address for them.</summary>
public sealed record ChannelUser(string Channel, string Address);

/// <summary>
/// A message as every channel hands it to the engine. <see cref="ExternalId"/> is the
/// channel's id for the update (Telegram update_id, Teams activity id) used to drop redeliveries.
/// </summary>
public sealed record IncomingMessage(ChannelUser From, string? Text, string? ChoiceValue = null, string? ExternalId = null, ButtonPress? Press = null);

/// <summary>
/// A press on a button a channel drew for a question: the channel's key for it, and how the
/// channel reads its keys against a question as asked. The turn resolves the key against the
/// question the person is waiting on as read in its own transaction, so a press on an older
/// question (or anything else) is recognised as such and changes nothing.
/// </summary>
public sealed record ButtonPress(string Key, Func<string, Reply, ReplyChoice?> Resolve);
