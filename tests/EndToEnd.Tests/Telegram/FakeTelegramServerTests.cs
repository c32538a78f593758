using System.Text.Json;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace AsnBot.EndToEnd.Tests.Telegram;

/// <summary>The fake's core Bot API surface, driven by the real Telegram.Bot client.</summary>
[Trait("Category", "EndToEnd")]
public sealed class FakeTelegramServerTests : FakeTelegramTestBase
{
    [Fact]
    public async Task GetMe_returns_the_bot_the_token_belongs_to()
    {
        var me = await Bot.GetMe();

        Assert.Equal(Server.BotId, me.Id);
        Assert.True(me.IsBot);
        Assert.Equal(Server.BotUsername, me.Username);
    }

    [Fact]
    public async Task Sent_message_with_inline_keyboard_is_returned_shown_and_recorded()
    {
        var user = Server.CreateUser("Siti");
        var keyboard = new InlineKeyboardMarkup(
        [
            [InlineKeyboardButton.WithCallbackData("Ya", "consent:yes"), InlineKeyboardButton.WithCallbackData("Tidak", "consent:no")],
        ]);

        var sent = await Bot.SendMessage(user.ChatId, "Setuju data Anda diproses?", replyMarkup: keyboard);

        Assert.Equal(1, sent.MessageId);
        Assert.Equal(user.ChatId, sent.Chat.Id);
        Assert.Equal(ChatType.Private, sent.Chat.Type);
        Assert.Equal(Server.BotId, sent.From!.Id);
        Assert.Equal("Setuju data Anda diproses?", sent.Text);
        Assert.Equal("consent:no", sent.ReplyMarkup!.InlineKeyboard.Single().Last().CallbackData);

        var shown = Assert.Single(Server.BotMessages(user.ChatId));
        Assert.Equal("consent:yes", Server.LatestInlineKeyboard(user.ChatId)!.FindByText("Ya")!.CallbackData);
        Assert.Equal(sent.MessageId, shown.MessageId);

        var call = Assert.Single(Server.Calls("sendMessage"));
        Assert.Equal(200, call.StatusCode);
        Assert.Equal(user.ChatId, call.ChatId);
        Assert.StartsWith("application/json", call.ContentType, StringComparison.Ordinal);
        var buttons = call.GetJson("reply_markup")!.Value.GetProperty("inline_keyboard")[0];
        Assert.Equal("consent:yes", buttons[0].GetProperty("callback_data").GetString());
    }

    [Fact]
    public async Task Message_ids_count_up_per_chat_like_a_private_chat()
    {
        var user = Server.CreateUser();

        var typed = Server.SendText(user.Id, "halo");
        var first = await Bot.SendMessage(user.ChatId, "satu");
        var second = await Bot.SendMessage(user.ChatId, "dua");

        Assert.Equal(1, typed.MessageId);
        Assert.Equal(2, first.MessageId);
        Assert.Equal(3, second.MessageId);
    }

    [Fact]
    public async Task Long_poll_returns_a_text_as_soon_as_the_user_sends_it()
    {
        var user = Server.CreateUser("Budi");
        var poll = Bot.GetUpdates(timeout: 20);
        await Server.WaitForLongPollAsync(Patience);
        Assert.False(poll.IsCompleted);

        Server.SendText(user.Id, "/start");
        var update = Assert.Single(await poll.WaitAsync(Patience));

        Assert.Equal(UpdateType.Message, update.Type);
        Assert.Equal("/start", update.Message!.Text);
        Assert.Equal(user.Id, update.Message.From!.Id);
        Assert.Equal(MessageEntityType.BotCommand, update.Message.Entities!.Single().Type);
    }

    [Fact]
    public async Task Callback_press_arrives_as_update_with_next_update_id()
    {
        var user = Server.CreateUser();
        var question = await Bot.SendMessage(user.ChatId, "Pilih layanan", replyMarkup: InlineKeyboardButton.WithCallbackData("Cuti", "menu:cuti"));
        var text = Server.SendText(user.Id, "menu");
        var press = Server.PressButton(user.Id, question.MessageId, "menu:cuti");

        var updates = await Bot.GetUpdates(timeout: 5);

        Assert.Equal([text.UpdateId!.Value, text.UpdateId.Value + 1], updates.Select(update => (long)update.Id));
        Assert.Equal(press.UpdateId, updates[1].Id);
        var callback = updates[1].CallbackQuery!;
        Assert.Equal(press.CallbackQueryId, callback.Id);
        Assert.Equal("menu:cuti", callback.Data);
        Assert.Equal(question.MessageId, callback.Message!.MessageId);
        Assert.Equal(user.Id, callback.From.Id);
    }

    [Fact]
    public async Task Offset_confirms_earlier_updates_so_they_are_not_returned_again()
    {
        var user = Server.CreateUser();
        Server.SendText(user.Id, "pertama");
        Server.SendText(user.Id, "kedua");

        var unconfirmed = await Bot.GetUpdates();
        var again = await Bot.GetUpdates();
        var afterFirst = await Bot.GetUpdates(offset: unconfirmed[0].Id + 1);
        var afterAll = await Bot.GetUpdates(offset: unconfirmed[1].Id + 1);

        Assert.Equal(2, unconfirmed.Length);
        Assert.Equal(unconfirmed.Select(update => update.Id), again.Select(update => update.Id));
        Assert.Equal("kedua", Assert.Single(afterFirst).Message!.Text);
        Assert.Empty(afterAll);
        Assert.Equal(0, Server.PendingUpdateCount);
    }

    [Fact]
    public async Task Second_long_poll_terminates_the_waiting_one_with_conflict()
    {
        var first = Bot.GetUpdates(timeout: 20);
        await Server.WaitForLongPollAsync(Patience);

        var second = Bot.GetUpdates(timeout: 1);

        var conflict = await Assert.ThrowsAsync<ApiRequestException>(() => first.WaitAsync(Patience));
        Assert.Equal(409, conflict.ErrorCode);
        Assert.Contains("terminated by other getUpdates request", conflict.Message, StringComparison.Ordinal);
        Assert.Empty(await second.WaitAsync(Patience));
    }

    [Fact]
    public async Task Webhook_with_secret_token_receives_updates_with_the_secret_header()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var user = Server.CreateUser();
        await Bot.SetWebhook(receiver.Url.ToString(), secretToken: "rahasia_ASN-1");

        var input = Server.SendText(user.Id, "cek cuti");
        var received = await receiver.NextAsync(Patience);

        Assert.Equal("rahasia_ASN-1", received.SecretToken);
        using var update = JsonDocument.Parse(received.Body);
        Assert.Equal(input.UpdateId, update.RootElement.GetProperty("update_id").GetInt64());
        Assert.Equal("cek cuti", update.RootElement.GetProperty("message").GetProperty("text").GetString());
        Assert.Equal(receiver.Url.ToString(), (await Bot.GetWebhookInfo()).Url);
    }

    [Fact]
    public async Task GetUpdates_is_refused_while_a_webhook_is_set()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await Bot.SetWebhook(receiver.Url.ToString());

        var conflict = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.GetUpdates());

        Assert.Equal(409, conflict.ErrorCode);
        await Bot.DeleteWebhook();
        Assert.Empty(await Bot.GetUpdates());
    }

    [Fact]
    public async Task Failed_webhook_delivery_is_retried_with_the_same_update()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.AnswerNextWith(500);
        var user = Server.CreateUser();
        await Bot.SetWebhook(receiver.Url.ToString());

        Server.SendText(user.Id, "halo");
        var failed = await receiver.NextAsync(Patience);
        var retried = await receiver.NextAsync(Patience);
        var attempts = await Server.WaitForWebhookAttemptsAsync(attempts => attempts.Any(attempt => attempt.Delivered), Patience);

        Assert.Equal(500, failed.AnsweredStatus);
        Assert.Equal(failed.Body, retried.Body);
        Assert.Equal([1, 2], attempts.Select(attempt => attempt.Attempt));
        Assert.Equal("Wrong response from the webhook: 500 Internal Server Error", (await Bot.GetWebhookInfo()).LastErrorMessage);
    }

    [Fact]
    public async Task File_added_by_the_test_can_be_fetched_and_downloaded()
    {
        var fileId = Server.AddFile("isi dokumen"u8.ToArray(), "surat.txt");
        using var destination = new MemoryStream();

        var file = await Bot.GetInfoAndDownloadFile(fileId, destination);

        Assert.Equal(fileId, file.FileId);
        Assert.Equal("isi dokumen"u8.ToArray(), destination.ToArray());
    }
}
