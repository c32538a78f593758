namespace AsnBot.TestPeers.Telegram;

/// <summary>A Bot API method by its canonical name.</summary>
internal sealed record BotApiMethod(string Name, BotApiHandler Handler);

/// <summary>The table of simulated Bot API methods. Telegram matches method names case-insensitively.</summary>
internal static class BotApiMethods
{
    public static IReadOnlyDictionary<string, BotApiMethod> Create(TelegramState state)
    {
        var identity = new IdentityMethods(state.Bot);
        var polling = new GetUpdatesMethod(state.Updates, state.Webhook, state.Pollers);
        var webhook = new WebhookMethods(state.Webhook, state.Updates);
        var messages = new MessageMethods(state.Chats);
        var chatAction = new ChatActionMethod(state.Chats);
        var callbacks = new CallbackQueryMethods(state.Callbacks);
        var files = new FileMethods(state.Files);

        BotApiMethod[] methods =
        [
            new("getMe", identity.GetMe),
            new("getUpdates", polling.GetUpdatesAsync),
            new("setWebhook", webhook.SetWebhook),
            new("deleteWebhook", webhook.DeleteWebhook),
            new("getWebhookInfo", webhook.GetWebhookInfo),
            new("sendMessage", messages.SendMessage),
            new("editMessageText", messages.EditMessageText),
            new("editMessageReplyMarkup", messages.EditMessageReplyMarkup),
            new("deleteMessage", messages.DeleteMessage),
            new("sendChatAction", chatAction.SendChatAction),
            new("answerCallbackQuery", callbacks.AnswerCallbackQuery),
            new("getFile", files.GetFile),
        ];
        return methods.ToDictionary(method => method.Name, StringComparer.OrdinalIgnoreCase);
    }
}
