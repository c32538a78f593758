namespace AsnBot.TestPeers.Telegram;

/// <summary>Reading the chats: what the bot sent, as the user sees it now, and waiting for it.</summary>
public sealed partial class FakeTelegramServer
{
    /// <summary>The bot's messages in a chat in the order sent, after edits; deleted ones only when asked for.</summary>
    public IReadOnlyList<SentMessage> BotMessages(long chatId, bool includeDeleted = false) =>
        _state.Chats.BotMessages(chatId, includeDeleted);

    public SentMessage BotMessage(long chatId, int messageId) =>
        BotMessages(chatId, includeDeleted: true).FirstOrDefault(message => message.MessageId == messageId)
        ?? throw new InvalidOperationException($"The bot sent no message {messageId} to chat {chatId}.");

    public SentMessage? LatestBotMessage(long chatId) => BotMessages(chatId) is { Count: > 0 } messages ? messages[^1] : null;

    /// <summary>The keyboard of the newest visible bot message that has one.</summary>
    public InlineKeyboard? LatestInlineKeyboard(long chatId) =>
        BotMessages(chatId).LastOrDefault(message => message.Keyboard is not null)?.Keyboard;

    /// <summary>
    /// Waits until the bot has sent at least <paramref name="count"/> messages to the chat since the user's latest
    /// <see cref="SendText"/> or <see cref="PressButton"/>, and returns those messages as they look now.
    /// </summary>
    public Task<IReadOnlyList<SentMessage>> WaitForBotMessagesAsync(
        long chatId, int count, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        SignalWaiter.WaitUntilAsync(
            _state.Chats.Changed,
            () => _state.Chats.RepliesSinceLastInput(chatId, count),
            timeout,
            () => $"Chat {chatId} did not get {count} bot message(s) after the user's last input. Bot messages: {Describe(chatId)}",
            cancellationToken);

    /// <summary>Waits until the chat's visible bot messages satisfy <paramref name="condition"/>, e.g. an edit landed.</summary>
    public Task<IReadOnlyList<SentMessage>> WaitForChatAsync(
        long chatId, Func<IReadOnlyList<SentMessage>, bool> condition, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        SignalWaiter.WaitUntilAsync(
            _state.Chats.Changed,
            () => BotMessages(chatId) is var messages && condition(messages) ? messages : null,
            timeout,
            () => $"Chat {chatId} never reached the expected state. Bot messages: {Describe(chatId)}",
            cancellationToken);

    /// <summary>The bot's answer to a button press, or null while unanswered.</summary>
    public CallbackAnswer? CallbackAnswerFor(string callbackQueryId) => _state.Callbacks.AnswerFor(callbackQueryId);

    public Task<CallbackAnswer> WaitForCallbackAnswerAsync(
        string callbackQueryId, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        SignalWaiter.WaitUntilAsync(
            _state.Callbacks.Changed,
            () => _state.Callbacks.AnswerFor(callbackQueryId),
            timeout,
            () => $"The bot never answered callback query {callbackQueryId}",
            cancellationToken);

    private string Describe(long chatId)
    {
        var messages = BotMessages(chatId, includeDeleted: true);
        return messages.Count == 0
            ? "none"
            : string.Join("; ", messages.Select(message => $"#{message.MessageId} \"{message.Text}\"{(message.IsDeleted ? " (deleted)" : string.Empty)}"));
    }
}
