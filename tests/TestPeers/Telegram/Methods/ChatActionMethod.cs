namespace AsnBot.TestPeers.Telegram;

/// <summary><c>sendChatAction</c>: checks the chat and the action name; the call log keeps what was shown.</summary>
internal sealed class ChatActionMethod(ChatStore chats)
{
    private static readonly HashSet<string> Actions = new(StringComparer.Ordinal)
    {
        "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
        "upload_document", "choose_sticker", "find_location", "record_video_note", "upload_video_note",
    };

    public ValueTask<BotApiResult> SendChatAction(RequestParameters parameters, CancellationToken cancellationToken)
    {
        var chatId = ParameterRules.RequireChatId(parameters);
        if (!Actions.Contains(parameters.GetString("action") ?? string.Empty))
        {
            throw BotApiErrors.Reject("wrong parameter action in request");
        }

        return chats.HasChat(chatId)
            ? ValueTask.FromResult(BotApiResult.Ok(true))
            : throw BotApiErrors.ChatNotFound();
    }
}
