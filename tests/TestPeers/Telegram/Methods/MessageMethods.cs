using System.Text.Json;

namespace AsnBot.TestPeers.Telegram;

/// <summary><c>sendMessage</c>, <c>editMessageText</c>, <c>editMessageReplyMarkup</c> and <c>deleteMessage</c>.</summary>
internal sealed class MessageMethods(ChatStore chats)
{
    public ValueTask<BotApiResult> SendMessage(RequestParameters parameters, CancellationToken cancellationToken)
    {
        var chatId = ParameterRules.RequireChatId(parameters);
        var text = MessageTextRules.Read(parameters);
        var markup = ReplyMarkupRules.Read(parameters, inlineOnly: false);
        var (replyTo, allowMissingReply) = ReadReplyTarget(parameters);
        var message = chats.AddBotMessage(chatId, text, parameters.GetString("parse_mode"), markup, replyTo, allowMissingReply);
        return Answer(message);
    }

    public ValueTask<BotApiResult> EditMessageText(RequestParameters parameters, CancellationToken cancellationToken)
    {
        var chatId = ParameterRules.RequireChatId(parameters);
        var messageId = ParameterRules.RequireMessageId(parameters);
        var text = MessageTextRules.Read(parameters);
        var markup = ReplyMarkupRules.Read(parameters, inlineOnly: true);
        return Answer(chats.EditBotMessage(chatId, messageId, text, parameters.GetString("parse_mode"), markup.Inline));
    }

    public ValueTask<BotApiResult> EditMessageReplyMarkup(RequestParameters parameters, CancellationToken cancellationToken)
    {
        var chatId = ParameterRules.RequireChatId(parameters);
        var messageId = ParameterRules.RequireMessageId(parameters);
        var markup = ReplyMarkupRules.Read(parameters, inlineOnly: true);
        return Answer(chats.EditBotMessage(chatId, messageId, content: null, parseMode: null, markup.Inline));
    }

    public ValueTask<BotApiResult> DeleteMessage(RequestParameters parameters, CancellationToken cancellationToken)
    {
        chats.DeleteMessage(ParameterRules.RequireChatId(parameters), ParameterRules.RequireMessageId(parameters));
        return ValueTask.FromResult(BotApiResult.Ok(true));
    }

    /// <summary>Bot API 7 moved replies into <c>reply_parameters</c>; the older <c>reply_to_message_id</c> still works.</summary>
    private static (int? MessageId, bool AllowMissing) ReadReplyTarget(RequestParameters parameters)
    {
        if (parameters.GetJson("reply_parameters") is { ValueKind: JsonValueKind.Object } reply
            && reply.TryGetProperty("message_id", out var id) && id.TryGetInt32(out var messageId))
        {
            var allowMissing = reply.TryGetProperty("allow_sending_without_reply", out var allow) && allow.ValueKind == JsonValueKind.True;
            return (messageId, allowMissing);
        }

        var legacy = parameters.GetInt64("reply_to_message_id");
        return (legacy is null ? null : (int)legacy, parameters.GetBoolean("allow_sending_without_reply"));
    }

    private static ValueTask<BotApiResult> Answer(ApiMessage message) => ValueTask.FromResult(BotApiResult.Ok(message));
}
