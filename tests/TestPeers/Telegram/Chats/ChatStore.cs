using System.Text.Json;

namespace AsnBot.TestPeers.Telegram;

/// <summary>
/// Simulated users, their private chats with the bot and every message in them. One lock guards it all;
/// <see cref="Changed"/> pulses after every change so tests can wait for the bot's replies.
/// </summary>
internal sealed class ChatStore(ApiUser bot, TimeProvider clock)
{
    private const string NotModified =
        "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

    private readonly Lock _gate = new();
    private readonly Dictionary<long, ChatState> _chats = [];
    private long _nextGeneratedUserId = 100_000_001;
    private long _sequence;

    public AsyncSignal Changed { get; } = new();

    public SimulatedUser CreateUser(string firstName, string? lastName, string? username, string languageCode, long? userId)
    {
        lock (_gate)
        {
            var id = userId ?? NextFreeUserId();
            if (_chats.ContainsKey(id))
            {
                throw new InvalidOperationException($"User {id} already exists.");
            }

            var user = new SimulatedUser(id, firstName, lastName, username, languageCode);
            _chats[id] = new ChatState(user);
            return user;
        }
    }

    public bool HasChat(long chatId)
    {
        lock (_gate)
        {
            return _chats.ContainsKey(chatId);
        }
    }

    /// <summary>Adds a text the user typed and returns it as the bot will receive it.</summary>
    public ApiMessage AddUserMessage(long userId, string text)
    {
        ApiMessage sent;
        lock (_gate)
        {
            var chat = UserChat(userId);
            var message = Append(chat, fromBot: false, FormattedText.Plain(text, UserTextEntities.Detect(text)), replyTo: null);
            chat.LastInputSequence = message.Sequence;
            sent = ToApi(chat, message);
        }

        Changed.Pulse();
        return sent;
    }

    /// <summary>
    /// Checks a simulated button press against what the user can see and returns the pressed message.
    /// A real client can only send callback data that is on the message, so by default anything else is a test mistake.
    /// </summary>
    public (ApiUser Presser, ApiMessage Message) PressButton(long userId, int messageId, string callbackData, bool requireButton)
    {
        lock (_gate)
        {
            var chat = UserChat(userId);
            var message = chat.Find(messageId);
            if (message is not { FromBot: true })
            {
                throw new InvalidOperationException($"Chat {userId} has no visible bot message {messageId}.");
            }

            var keyboard = message.ToView().Keyboard;
            if (requireButton && keyboard?.FindByCallbackData(callbackData) is null)
            {
                throw new InvalidOperationException(
                    $"Message {messageId} in chat {userId} has no button with callback data '{callbackData}'. Keyboard: {keyboard?.ToString() ?? "none"}");
            }

            chat.LastInputSequence = ++_sequence;
            return (chat.Sender, ToApi(chat, message));
        }
    }

    public ApiMessage AddBotMessage(
        long chatId, FormattedText content, string? parseMode, ReplyMarkup markup, int? replyTo, bool allowMissingReply)
    {
        ApiMessage sent;
        lock (_gate)
        {
            var chat = ApiChat(chatId);
            if (replyTo is { } replyId && chat.Find(replyId) is null)
            {
                replyTo = allowMissingReply ? null : throw BotApiErrors.Reject("message to be replied not found");
            }

            var message = Append(chat, fromBot: true, content, replyTo);
            message.ParseMode = parseMode;
            message.InlineMarkup = markup.Inline;
            message.OtherReplyMarkupJson = markup.OtherJson;
            sent = ToApi(chat, message);
        }

        Changed.Pulse();
        return sent;
    }

    /// <summary>
    /// Edits a bot message's text (when <paramref name="content"/> is given) and replaces its inline keyboard.
    /// Like Telegram, an edit without a keyboard removes the one the message had.
    /// </summary>
    public ApiMessage EditBotMessage(long chatId, int messageId, FormattedText? content, string? parseMode, JsonElement? inlineMarkup)
    {
        ApiMessage edited;
        lock (_gate)
        {
            var chat = ApiChat(chatId);
            var message = chat.Find(messageId) ?? throw BotApiErrors.Reject("message to edit not found");
            if (!message.FromBot)
            {
                throw BotApiErrors.Reject("message can't be edited");
            }

            var newContent = content ?? message.Content;
            if (SameVisibleContent(message.Content, newContent) && SameMarkup(message.InlineMarkup, inlineMarkup))
            {
                throw BotApiErrors.Reject(NotModified);
            }

            message.Content = newContent;
            message.ParseMode = content is null ? message.ParseMode : parseMode;
            message.InlineMarkup = inlineMarkup;
            message.EditDate = clock.GetUtcNow();
            message.EditCount++;
            edited = ToApi(chat, message);
        }

        Changed.Pulse();
        return edited;
    }

    public void DeleteMessage(long chatId, int messageId)
    {
        lock (_gate)
        {
            var message = ApiChat(chatId).Find(messageId) ?? throw BotApiErrors.Reject("message to delete not found");
            message.Deleted = true;
        }

        Changed.Pulse();
    }

    public IReadOnlyList<SentMessage> BotMessages(long chatId, bool includeDeleted)
    {
        lock (_gate)
        {
            return [.. UserChat(chatId).Messages
                .Where(message => message.FromBot && (includeDeleted || !message.Deleted))
                .Select(message => message.ToView())];
        }
    }

    /// <summary>Bot messages sent after the user's latest input, once there are at least <paramref name="count"/>.</summary>
    public IReadOnlyList<SentMessage>? RepliesSinceLastInput(long chatId, int count)
    {
        lock (_gate)
        {
            var chat = UserChat(chatId);
            var replies = chat.Messages
                .Where(message => message.FromBot && message.Sequence > chat.LastInputSequence)
                .Select(message => message.ToView())
                .ToList();
            return replies.Count >= count ? replies : null;
        }
    }

    private long NextFreeUserId()
    {
        while (_chats.ContainsKey(_nextGeneratedUserId))
        {
            _nextGeneratedUserId++;
        }

        return _nextGeneratedUserId++;
    }

    /// <summary>For the simulation API: an unknown user is a mistake in the test, not an API error.</summary>
    private ChatState UserChat(long userId) =>
        _chats.TryGetValue(userId, out var chat)
            ? chat
            : throw new InvalidOperationException($"No simulated user {userId}; call CreateUser first.");

    /// <summary>For Bot API calls: an unknown chat gets Telegram's "chat not found".</summary>
    private ChatState ApiChat(long chatId) =>
        _chats.TryGetValue(chatId, out var chat) ? chat : throw BotApiErrors.ChatNotFound();

    private StoredMessage Append(ChatState chat, bool fromBot, FormattedText content, int? replyTo)
    {
        var message = new StoredMessage
        {
            ChatId = chat.Chat.Id,
            MessageId = ++chat.LastMessageId,
            FromBot = fromBot,
            Sequence = ++_sequence,
            Date = clock.GetUtcNow(),
            Content = content,
            ReplyToMessageId = replyTo,
        };
        chat.Messages.Add(message);
        return message;
    }

    private ApiMessage ToApi(ChatState chat, StoredMessage message, bool withReply = true) => new(
        message.MessageId,
        message.FromBot ? bot : chat.Sender,
        chat.Chat,
        message.Date.ToUnixTimeSeconds(),
        message.EditDate?.ToUnixTimeSeconds(),
        withReply && message.ReplyToMessageId is { } replyId && chat.Find(replyId) is { } original
            ? ToApi(chat, original, withReply: false)
            : null,
        message.Content.Visible,
        message.Content.Entities,
        message.InlineMarkup);

    private static bool SameVisibleContent(FormattedText current, FormattedText proposed) =>
        current.Visible == proposed.Visible
        && ApiJson.Serialize(current.Entities ?? []) == ApiJson.Serialize(proposed.Entities ?? []);

    private static bool SameMarkup(JsonElement? current, JsonElement? proposed) =>
        (current, proposed) switch
        {
            (null, null) => true,
            ({ } a, { } b) => a.GetRawText() == b.GetRawText(),
            _ => false,
        };
}
