using System.Net;
using System.Text.Json;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace AsnBot.EndToEnd.Tests.Telegram;

/// <summary>The fake refuses what Telegram refuses, with the same codes and wording.</summary>
[Trait("Category", "EndToEnd")]
public sealed class FakeTelegramValidationTests : FakeTelegramTestBase
{
    [Fact]
    public async Task Message_over_4096_characters_is_refused()
    {
        var user = Server.CreateUser();

        var refused = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(user.ChatId, new string('a', 4097)));
        await Bot.SendMessage(user.ChatId, new string('a', 4096));

        Assert.Equal(400, refused.ErrorCode);
        Assert.Equal("Bad Request: message is too long", refused.Message);
        Assert.Single(Server.BotMessages(user.ChatId));
    }

    [Fact]
    public async Task Blank_message_text_is_refused()
    {
        var user = Server.CreateUser();

        var refused = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(user.ChatId, "  "));

        Assert.Equal("Bad Request: message text is empty", refused.Message);
    }

    [Fact]
    public async Task Callback_data_over_64_bytes_is_refused()
    {
        var user = Server.CreateUser();
        var tooLong = InlineKeyboardButton.WithCallbackData("Pilih", new string('é', 33));

        var refused = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(user.ChatId, "menu", replyMarkup: tooLong));

        Assert.Equal(400, refused.ErrorCode);
        Assert.Equal("Bad Request: BUTTON_DATA_INVALID", refused.Message);
    }

    [Fact]
    public async Task Message_to_an_unknown_chat_is_refused_with_chat_not_found()
    {
        var refused = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(42, "halo"));

        Assert.Equal(400, refused.ErrorCode);
        Assert.Equal("Bad Request: chat not found", refused.Message);
    }

    [Fact]
    public async Task MarkdownV2_with_an_unescaped_dot_is_refused()
    {
        var user = Server.CreateUser();

        var refused = await Assert.ThrowsAsync<ApiRequestException>(
            () => Bot.SendMessage(user.ChatId, "Sisa cuti: 5 hari.", ParseMode.MarkdownV2));

        Assert.Equal("Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'", refused.Message);
    }

    [Fact]
    public async Task Html_markup_becomes_entities_and_the_user_sees_plain_text()
    {
        var user = Server.CreateUser();

        var sent = await Bot.SendMessage(user.ChatId, "<b>Cuti</b> tahunan &amp; sakit", ParseMode.Html);

        Assert.Equal("Cuti tahunan & sakit", sent.Text);
        var bold = Assert.Single(sent.Entities!);
        Assert.Equal((MessageEntityType.Bold, 0, 4), (bold.Type, bold.Offset, bold.Length));
        Assert.Equal("<b>Cuti</b> tahunan &amp; sakit", Server.LatestBotMessage(user.ChatId)!.RawText);
    }

    [Fact]
    public async Task Html_tag_telegram_does_not_support_is_refused()
    {
        var user = Server.CreateUser();

        var refused = await Assert.ThrowsAsync<ApiRequestException>(
            () => Bot.SendMessage(user.ChatId, "baris satu<br>baris dua", ParseMode.Html));

        Assert.Equal("Bad Request: can't parse entities: Unsupported start tag \"br\" at byte offset 10", refused.Message);
    }

    [Fact]
    public async Task Unknown_method_answers_404_method_not_found()
    {
        using var response = await Raw.PostAsync(MethodUrl("sendTeleportation"), content: null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(
            """{"ok":false,"error_code":404,"description":"Not Found: method not found"}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Error_envelope_matches_the_bot_api_format()
    {
        Server.FailNext("getMe", 429, retryAfter: 3);

        using var response = await Raw.GetAsync(MethodUrl("getMe"));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(
            """{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 3","parameters":{"retry_after":3}}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Wrong_token_answers_unauthorized()
    {
        using var response = await Raw.PostAsync(new Uri($"{Server.BaseUrl}bot123:wrong/getMe"), content: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Form_encoded_and_query_parameters_are_accepted_like_json()
    {
        var user = Server.CreateUser();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["chat_id"] = user.ChatId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["text"] = "lewat form",
            ["reply_markup"] = """{"inline_keyboard":[[{"text":"Ok","callback_data":"ok"}]]}""",
        });

        using var posted = await Raw.PostAsync(MethodUrl("sendMessage"), form);
        using var queried = await Raw.GetAsync(new Uri(MethodUrl("sendMessage") + $"?chat_id={user.ChatId}&text=lewat%20query"));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, queried.StatusCode);
        using var answer = JsonDocument.Parse(await posted.Content.ReadAsStringAsync());
        Assert.Equal("ok", answer.RootElement.GetProperty("result").GetProperty("reply_markup")
            .GetProperty("inline_keyboard")[0][0].GetProperty("callback_data").GetString());
        Assert.Equal(["lewat form", "lewat query"], Server.BotMessages(user.ChatId).Select(message => message.Text));
    }
}
