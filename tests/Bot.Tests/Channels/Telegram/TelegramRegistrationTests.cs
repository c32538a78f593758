using AsnBot.Bot.Tests.Support;
using AsnBot.Channels.Telegram;
using AsnBot.Knowledge.Profiles;
using AsnBot.TestPeers.Telegram;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Bot.Tests.Channels.Telegram;

/// <summary>A newcomer registers by typing and pressing inline buttons, as on a phone.</summary>
public abstract class TelegramRegistrationTests(TelegramMode mode) : TelegramTestBase(mode)
{
    [Fact]
    public async Task A_newcomer_registers_by_pressing_inline_buttons_and_lands_in_the_menu()
    {
        var person = NewPerson();
        await person.RegisterAsync();

        Assert.Contains("Terima kasih, Siti Rahma! Profil Anda sudah tersimpan.", person.LastText, StringComparison.Ordinal);
        var menu = person.Last[^1].Keyboard;
        Assert.NotNull(menu);
        Assert.Contains(menu.Buttons, b => b.Text == "👤 Profil saya");
        Assert.All(menu.Buttons, b => Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(b.CallbackData!), 1, 64));

        var saved = await App.QueryAsync(db => db.Set<Person>().Include(p => p.Channels).SingleAsync());
        Assert.Equal("198503122010011003", saved.Nip);
        Assert.Equal("fungsional-muda", saved.JobLevel);
        Assert.Equal(8, saved.LessonHour);
        Assert.Equal(("telegram", person.ChatId.ToString(System.Globalization.CultureInfo.InvariantCulture)), (saved.Channels.Single().Channel, saved.Channels.Single().Address));
    }

    [Fact]
    public async Task Every_press_is_answered_and_the_answered_keyboard_shows_the_choice()
    {
        var person = NewPerson();
        await person.SayAsync("/start");
        var consent = person.Last.Single(m => m.Keyboard is not null);
        await person.PressAsync("Setuju");

        var marked = Telegram.BotMessage(person.ChatId, consent.MessageId).Keyboard!;
        Assert.Equal(["✅ Setuju"], marked.Buttons.Select(b => b.Text));
        Assert.Single(Telegram.Calls("answerCallbackQuery"));
        Assert.Contains("Ketik NIP Anda", person.LastText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_welcome_comes_with_the_consent_question_in_one_message_under_its_buttons()
    {
        var person = NewPerson();
        await person.SayAsync("/start");

        var sent = Assert.Single(Telegram.Calls("sendMessage"));
        Assert.True(sent.Succeeded);
        var message = Assert.Single(person.Last);
        Assert.StartsWith("Selamat datang di AsnBot 👋", message.Text, StringComparison.Ordinal);
        Assert.Contains("(jam pelajaran) Anda.\n\nSebelum mulai", message.Text, StringComparison.Ordinal);
        Assert.EndsWith("Apakah Anda setuju?", message.Text.TrimEnd(), StringComparison.Ordinal);
        Assert.Equal(["Setuju", "Tidak setuju"], message.Keyboard!.Buttons.Select(b => b.Text));
    }

    [Fact]
    public async Task A_press_is_acknowledged_in_the_webhook_response_and_by_a_call_of_its_own_when_polling()
    {
        var person = NewPerson();
        await person.SayAsync("/start");
        await person.PressAsync("Setuju");

        var acknowledgement = Assert.Single(Telegram.Calls("answerCallbackQuery"));
        Assert.True(acknowledgement.Succeeded);
        Assert.Equal(App.Mode == TelegramMode.Webhook, acknowledgement.FromWebhookResponse);
        Assert.Equal(person.LastInput!.CallbackQueryId, acknowledgement.GetString("callback_query_id"));
        // The rest stay calls of their own, whose errors the bot sees and handles.
        Assert.All(Telegram.Calls("sendMessage").Concat(Telegram.Calls("editMessageReplyMarkup")), call => Assert.False(call.FromWebhookResponse));
    }

    [Fact]
    public async Task Messages_go_out_as_escaped_HTML_and_read_exactly_as_typed()
    {
        var person = NewPerson();
        await person.SayAsync("/start");
        await person.PressAsync("Setuju");
        await person.SayAsync("19850312 201001 1 003");
        await person.SayAsync("Siti Rahma");
        await person.SayAsync("Dinas <Kesehatan> & Sosial");
        await person.SayAsync("Umum");
        await person.SayAsync("Analis");
        await person.PressAsync("Pelaksana");
        await person.SayAsync("Maluku");
        await person.SayAsync("Kota Ambon");
        await person.PressAsync("07.00");

        var summary = person.Last[^1];
        Assert.Equal("html", summary.ParseMode, ignoreCase: true);
        Assert.Contains("Instansi: Dinas <Kesehatan> & Sosial", summary.Text, StringComparison.Ordinal);
        Assert.Contains("Dinas &lt;Kesehatan&gt; &amp; Sosial", summary.RawText, StringComparison.Ordinal);
    }
}

[Trait("Category", "EndToEnd")]
public sealed class TelegramRegistrationByPollingTests() : TelegramRegistrationTests(TelegramMode.Polling);

[Trait("Category", "EndToEnd")]
public sealed class TelegramRegistrationByWebhookTests() : TelegramRegistrationTests(TelegramMode.Webhook)
{
    [Fact]
    public async Task The_webhook_is_registered_with_the_secret_and_the_update_kinds_handled()
    {
        var call = (await Telegram.WaitForCallsAsync("setWebhook", 1, TelegramPerson.Patience)).Single(c => c.Succeeded);
        Assert.Equal(App.WebhookUrl.ToString(), call.GetString("url"));
        Assert.Equal(TelegramBotApp.WebhookSecret, call.GetString("secret_token"));
        Assert.Equal(["message", "callback_query"], call.GetJson("allowed_updates")!.Value.EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Every_webhook_delivery_is_acknowledged_with_200()
    {
        var person = NewPerson();
        await person.RegisterAsync();
        Assert.All(Telegram.WebhookAttempts(), attempt => Assert.Equal(200, attempt.StatusCode));
        Assert.Equal(Telegram.WebhookAttempts().Select(a => a.UpdateId).Distinct().Count(), Telegram.WebhookAttempts().Count);
    }
}
