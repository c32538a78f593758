using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace AsnBot.EndToEnd.Tests.Telegram;

/// <summary>The user's view of the chat follows the bot's sends, edits and deletions; updates can be replayed.</summary>
[Trait("Category", "EndToEnd")]
public sealed class FakeTelegramChatViewTests : FakeTelegramTestBase
{
    [Fact]
    public async Task Edited_text_replaces_the_chat_view_and_drops_the_keyboard()
    {
        var user = Server.CreateUser();
        var sent = await Bot.SendMessage(user.ChatId, "Ajukan cuti?", replyMarkup: InlineKeyboardButton.WithCallbackData("Ya", "leave:yes"));

        var edited = await Bot.EditMessageText(user.ChatId, sent.MessageId, "Cuti diajukan.");

        var view = Server.BotMessage(user.ChatId, sent.MessageId);
        Assert.Equal("Cuti diajukan.", view.Text);
        Assert.Null(view.Keyboard);
        Assert.Equal(1, view.EditCount);
        Assert.NotNull(edited.EditDate);
    }

    [Fact]
    public async Task Edit_that_changes_nothing_is_refused_as_not_modified()
    {
        var user = Server.CreateUser();
        var sent = await Bot.SendMessage(user.ChatId, "Status: diproses");

        var refused = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.EditMessageText(user.ChatId, sent.MessageId, "Status: diproses"));

        Assert.StartsWith("Bad Request: message is not modified", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edited_keyboard_replaces_the_buttons()
    {
        var user = Server.CreateUser();
        var sent = await Bot.SendMessage(user.ChatId, "Pilih", replyMarkup: InlineKeyboardButton.WithCallbackData("A", "a"));

        await Bot.EditMessageReplyMarkup(user.ChatId, sent.MessageId, InlineKeyboardButton.WithCallbackData("B", "b"));

        var keyboard = Server.LatestInlineKeyboard(user.ChatId)!;
        Assert.Equal(["b"], keyboard.Buttons.Select(button => button.CallbackData));
    }

    [Fact]
    public async Task Deleted_message_leaves_the_chat_view()
    {
        var user = Server.CreateUser();
        var sent = await Bot.SendMessage(user.ChatId, "sementara");

        await Bot.DeleteMessage(user.ChatId, sent.MessageId);

        Assert.Empty(Server.BotMessages(user.ChatId));
        Assert.True(Server.BotMessage(user.ChatId, sent.MessageId).IsDeleted);
        await Assert.ThrowsAsync<ApiRequestException>(() => Bot.DeleteMessage(user.ChatId, sent.MessageId));
    }

    [Fact]
    public async Task Callback_answer_is_recorded_and_a_second_answer_is_refused()
    {
        var user = Server.CreateUser();
        var sent = await Bot.SendMessage(user.ChatId, "Pilih", replyMarkup: InlineKeyboardButton.WithCallbackData("Ya", "yes"));
        var press = Server.PressButtonWithText(user.Id, sent.MessageId, "Ya");

        await Bot.AnswerCallbackQuery(press.CallbackQueryId!, "Tersimpan");
        var answer = await Server.WaitForCallbackAnswerAsync(press.CallbackQueryId!, Patience);

        Assert.Equal("Tersimpan", answer.Text);
        await Assert.ThrowsAsync<ApiRequestException>(() => Bot.AnswerCallbackQuery(press.CallbackQueryId!));
    }

    [Fact]
    public async Task Pressing_a_button_that_is_not_on_the_message_is_a_test_mistake()
    {
        var user = Server.CreateUser();
        var sent = await Bot.SendMessage(user.ChatId, "Pilih", replyMarkup: InlineKeyboardButton.WithCallbackData("Ya", "yes"));

        Assert.Throws<InvalidOperationException>(() => Server.PressButton(user.Id, sent.MessageId, "no"));
        Assert.NotNull(Server.PressButton(user.Id, sent.MessageId, "no", requireButton: false).UpdateId);
    }

    [Fact]
    public async Task Redelivered_update_arrives_again_with_the_same_update_id()
    {
        var user = Server.CreateUser();
        var input = Server.SendText(user.Id, "ajukan cuti");
        var first = Assert.Single(await Bot.GetUpdates());
        Assert.Empty(await Bot.GetUpdates(offset: first.Id + 1));

        Server.RedeliverUpdate(first.Id);
        var replayed = Assert.Single(await Bot.GetUpdates(offset: first.Id + 1));

        Assert.Equal(input.UpdateId, replayed.Id);
        Assert.Equal(first.Message!.MessageId, replayed.Message!.MessageId);
    }

    [Fact]
    public async Task Raw_update_gets_the_next_update_id_and_is_delivered_as_given()
    {
        var user = Server.CreateUser();
        var before = Server.SendText(user.Id, "halo");
        var raw = Server.EnqueueRawUpdate($$$"""
            {"edited_message":{"message_id":1,"date":1700000000,"edit_date":1700000100,
             "chat":{"id":{{{user.ChatId}}},"type":"private","first_name":"Budi"},
             "from":{"id":{{{user.Id}}},"is_bot":false,"first_name":"Budi"},"text":"halo!"}}
            """);

        var updates = await Bot.GetUpdates();

        Assert.Equal(before.UpdateId + 1, raw);
        Assert.Equal(UpdateType.EditedMessage, updates[1].Type);
        Assert.Equal("halo!", updates[1].EditedMessage!.Text);
    }

    [Fact]
    public async Task Allowed_updates_keep_excluded_kinds_from_being_created()
    {
        var user = Server.CreateUser();
        var sent = await Bot.SendMessage(user.ChatId, "Pilih", replyMarkup: InlineKeyboardButton.WithCallbackData("Ya", "yes"));
        await Bot.GetUpdates(allowedUpdates: [UpdateType.Message]);

        var press = Server.PressButton(user.Id, sent.MessageId, "yes");
        var text = Server.SendText(user.Id, "teks");

        Assert.Null(press.UpdateId);
        Assert.Equal("teks", Assert.Single(await Bot.GetUpdates()).Message!.Text);
        Assert.NotNull(text.UpdateId);
    }

    [Fact]
    public async Task Waiting_for_bot_messages_returns_the_replies_to_the_latest_input()
    {
        var user = Server.CreateUser();
        await Bot.SendMessage(user.ChatId, "balasan lama");
        Server.SendText(user.Id, "cek gaji");

        var replies = Server.WaitForBotMessagesAsync(user.ChatId, 2, Patience);
        await Bot.SendChatAction(user.ChatId, ChatAction.Typing);
        await Bot.SendMessage(user.ChatId, "Gaji bulan ini:");
        await Bot.SendMessage(user.ChatId, "Rp 5.000.000");

        Assert.Equal(["Gaji bulan ini:", "Rp 5.000.000"], (await replies).Select(message => message.Text));
    }

    [Fact]
    public async Task Waiting_for_replies_that_never_come_times_out_with_what_the_chat_holds()
    {
        var user = Server.CreateUser();
        Server.SendText(user.Id, "halo");

        var timeout = await Assert.ThrowsAsync<TimeoutException>(
            () => Server.WaitForBotMessagesAsync(user.ChatId, 1, TimeSpan.FromMilliseconds(100)));

        Assert.Contains("Bot messages: none", timeout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Peak_call_rate_counts_calls_within_the_window()
    {
        var user = Server.CreateUser();
        for (var i = 0; i < 3; i++)
        {
            await Bot.SendMessage(user.ChatId, $"pesan {i}");
        }

        Assert.Equal(3, Server.PeakCallsWithin(TimeSpan.FromMinutes(1), "sendMessage", user.ChatId));
        Assert.Equal(3, Server.CallsPerSecond("sendMessage").Sum(bucket => bucket.Count));
    }
}
