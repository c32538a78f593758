namespace AsnBot.Conversations;

/// <summary>Who wrote, on which channel: the channel's own address for them.</summary>
public sealed record ChannelUser(string Channel, string Address);

/// <summary>
/// A message as every channel hands it to the engine. <see cref="ExternalId"/> is the
/// channel's id for the update (Telegram update_id, Teams activity id) used to drop redeliveries.
/// </summary>
public sealed record IncomingMessage(ChannelUser From, string? Text, string? ChoiceValue = null, string? ExternalId = null);
