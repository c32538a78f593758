namespace AsnBot.TestPeers.Telegram;

/// <summary>One private chat between a simulated user and the bot. Only touched under the chat store's lock.</summary>
internal sealed class ChatState(SimulatedUser user)
{
    public SimulatedUser User { get; } = user;

    public ApiChat Chat { get; } = new(user.Id, "private", user.FirstName, user.LastName, user.Username);

    public ApiUser Sender { get; } = new(user.Id, false, user.FirstName, user.LastName, user.Username, user.LanguageCode);

    public List<StoredMessage> Messages { get; } = [];

    /// <summary>Message ids count up per chat and are shared by both sides, as in a Telegram private chat.</summary>
    public int LastMessageId { get; set; }

    /// <summary>Store sequence of the user's latest text or button press.</summary>
    public long LastInputSequence { get; set; }

    public StoredMessage? Find(int messageId) =>
        Messages.FirstOrDefault(message => message.MessageId == messageId && !message.Deleted);
}
