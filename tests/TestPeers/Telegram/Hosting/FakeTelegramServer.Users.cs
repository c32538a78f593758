using System.Text.Json.Nodes;

namespace AsnBot.TestPeers.Telegram;

/// <summary>Playing the users: what they type and press becomes updates for the bot.</summary>
public sealed partial class FakeTelegramServer
{
    /// <summary>Creates a user who has started the bot, so the bot may message their private chat (chat id = user id).</summary>
    public SimulatedUser CreateUser(
        string firstName = "Budi", string? lastName = null, string? username = null, string languageCode = "id", long? userId = null) =>
        _state.Chats.CreateUser(firstName, lastName, username, languageCode, userId);

    /// <summary>The user types a text in their chat with the bot; the bot receives a <c>message</c> update.</summary>
    public SimulatedInput SendText(long userId, string text)
    {
        var message = _state.Chats.AddUserMessage(userId, text);
        var updateId = _state.Updates.Enqueue("message", ApiJson.ToNode(message));
        return new SimulatedInput(userId, updateId, MessageId: message.MessageId);
    }

    /// <summary>
    /// The user presses an inline button; the bot receives a <c>callback_query</c> update carrying the message as the
    /// user sees it. By default the button must be on the message's current keyboard, as a real client guarantees;
    /// pass <paramref name="requireButton"/> false to simulate a press on a stale keyboard.
    /// </summary>
    public SimulatedInput PressButton(long userId, int messageId, string callbackData, bool requireButton = true)
    {
        var (presser, message) = _state.Chats.PressButton(userId, messageId, callbackData, requireButton);
        var queryId = _state.Callbacks.Register();
        var query = new ApiCallbackQuery(queryId, presser, message, CallbackQueries.ChatInstance(userId), callbackData);
        var updateId = _state.Updates.Enqueue("callback_query", ApiJson.ToNode(query));
        return new SimulatedInput(userId, updateId, CallbackQueryId: queryId);
    }

    /// <summary>Presses the button labelled <paramref name="buttonText"/> on a bot message.</summary>
    public SimulatedInput PressButtonWithText(long userId, int messageId, string buttonText)
    {
        var button = BotMessage(userId, messageId).Keyboard?.FindByText(buttonText)
            ?? throw new InvalidOperationException($"Message {messageId} in chat {userId} has no button labelled '{buttonText}'.");
        return PressButton(userId, messageId, button.CallbackData
            ?? throw new InvalidOperationException($"Button '{buttonText}' carries no callback data."));
    }

    /// <summary>
    /// Queues any update object, for kinds the simulation does not model (edited messages, my_chat_member...).
    /// Its <c>update_id</c> is assigned here. Returns null when the bot's <c>allowed_updates</c> excludes the kind.
    /// </summary>
    public long? EnqueueRawUpdate(string updateJson)
    {
        var update = JsonNode.Parse(updateJson) as JsonObject
            ?? throw new ArgumentException("An update must be a JSON object.", nameof(updateJson));
        return _state.Updates.EnqueueRaw(update);
    }

    /// <summary>
    /// Delivers an update once more with the same <c>update_id</c>, as Telegram does when a confirmation was lost,
    /// to test that the bot handles each update only once. In polling mode it is handed out even though its
    /// offset was already confirmed.
    /// </summary>
    public void RedeliverUpdate(long updateId) => _state.Updates.Redeliver(updateId);

    /// <summary>
    /// The user sends a file as a document (e.g. a PDF); the bot receives a <c>message</c> update with
    /// <c>document</c>, and can fetch the bytes through <c>getFile</c> and the download path.
    /// </summary>
    public SimulatedInput SendDocument(long userId, byte[] content, string fileName, string mimeType)
    {
        ArgumentNullException.ThrowIfNull(content);
        var fileId = AddFile(content, fileName);
        return SendFileMessage(userId, "document", new JsonObject
        {
            ["file_id"] = fileId, ["file_unique_id"] = "u" + fileId, ["file_name"] = fileName, ["mime_type"] = mimeType, ["file_size"] = content.LongLength,
        });
    }

    /// <summary>The user sends a photo; Telegram offers it in sizes, the largest last, each fetched with <c>getFile</c>.</summary>
    public SimulatedInput SendPhoto(long userId, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var thumbnail = AddFile(content[..Math.Min(content.Length, 64)], "thumb.jpg");
        var full = AddFile(content, "photo.jpg");
        return SendFileMessage(userId, "photo", new JsonArray(
            new JsonObject { ["file_id"] = thumbnail, ["file_unique_id"] = "u" + thumbnail, ["width"] = 90, ["height"] = 60, ["file_size"] = Math.Min(content.Length, 64) },
            new JsonObject { ["file_id"] = full, ["file_unique_id"] = "u" + full, ["width"] = 1280, ["height"] = 853, ["file_size"] = content.LongLength }));
    }

    private SimulatedInput SendFileMessage(long userId, string field, JsonNode file)
    {
        var message = _state.Chats.AddUserMessage(userId, "");
        var node = (JsonObject)ApiJson.ToNode(message);
        node.Remove("text");
        node.Remove("entities");
        node[field] = file;
        var updateId = _state.Updates.Enqueue("message", node);
        return new SimulatedInput(userId, updateId, MessageId: message.MessageId);
    }

    /// <summary>Makes a file available through <c>getFile</c> and the download path; returns its <c>file_id</c>.</summary>
    public string AddFile(byte[] content, string fileName) => _state.Files.Add(content, fileName);
}
