namespace AsnBot.Delivery;

/// <summary>Every registered <see cref="IChannelSender"/>, by channel name.</summary>
public sealed class ChannelSenders(IEnumerable<IChannelSender> senders)
{
    private readonly Dictionary<string, IChannelSender> _byChannel = senders
        .GroupBy(s => s.Channel, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);

    public IReadOnlyCollection<string> Channels => _byChannel.Keys;

    public IChannelSender? Find(string channel) => _byChannel.GetValueOrDefault(channel);
}
