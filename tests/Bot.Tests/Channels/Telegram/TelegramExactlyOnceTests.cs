using System.Net;
using System.Text;
using AsnBot.Bot.Tests.Support;
using AsnBot.Channels.Telegram;
using AsnBot.Conversations.Actions;
using AsnBot.Conversations.Engine;
using AsnBot.Knowledge.Conversations;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsnBot.Bot.Tests.Channels.Telegram;

/// <summary>Each update changes the conversation once, however often it arrives.</summary>
public abstract class TelegramExactlyOnceTests(TelegramMode mode) : TelegramTestBase(mode)
{
    [Fact]
    public async Task A_press_whose_handling_fails_is_answered_the_person_gets_an_apology_and_the_same_button_works_after()
    {
        // The same bot on the same database, with a profile save that fails the first time.
        await App.DisposeAsync();
        var failure = new FailOnce();
        var app = StartApp(App.DatabaseFile, services => services.AddSingleton(failure).AddScoped<IDialogAction, SaveProfileFailingOnce>());
        var person = NewPerson();
        await person.FillRegistrationAsync();

        // The press is answered (PressAsync waits for answerCallbackQuery), and the person is told.
        await person.PressAsync("Benar, simpan");
        Assert.True(failure.Failed);
        Assert.Contains("ada gangguan di sistem kami", person.LastText, StringComparison.Ordinal);
        Assert.False(await app.QueryAsync(db => db.Set<Person>().AnyAsync()));

        // Nothing was written, so the summary's keyboard still stands and the same button saves now.
        await person.PressAsync("Benar, simpan");
        Assert.Contains("Profil Anda sudah tersimpan", person.LastText, StringComparison.Ordinal);
        Assert.Equal(1, await app.QueryAsync(db => db.Set<Person>().CountAsync()));
    }

    [Fact]
    public async Task Redelivered_update_is_ignored()
    {
        var person = NewPerson();
        await person.SayAsync("/start");
        await person.PressAsync("Setuju");
        var nip = await Settle(person, "19850312 201001 1 003");
        Assert.Contains("nama lengkap", person.LastText, StringComparison.Ordinal);
        var sentBefore = Telegram.Calls("sendMessage").Count;
        var receiptsBefore = await App.QueryAsync(db => db.Set<InboundReceipt>().CountAsync());

        // Were it handled again, the NIP would be taken as the name and the bot would ask for the agency.
        Telegram.RedeliverUpdate(nip.UpdateId!.Value);
        await Telegram.WaitForUpdatesConsumedAsync(TelegramPerson.Patience);
        await person.SayAsync("Siti Rahma");

        Assert.Equal(sentBefore + 1, Telegram.Calls("sendMessage").Count);
        Assert.Contains("nama instansi", person.LastText, StringComparison.Ordinal);
        Assert.Equal(receiptsBefore + 1, await App.QueryAsync(db => db.Set<InboundReceipt>().CountAsync()));
    }

    [Fact]
    public async Task A_press_on_an_old_keyboard_is_answered_politely_and_changes_nothing()
    {
        var person = NewPerson();
        await person.SayAsync("/start");
        var consent = person.Last.Single(m => m.Keyboard is not null);
        var refuse = consent.Keyboard!.FindByText("Tidak setuju")!.CallbackData!;
        await person.PressAsync("Setuju");
        var sentBefore = Telegram.Calls("sendMessage").Count;

        var stale = Telegram.PressButton(person.User.Id, consent.MessageId, refuse, requireButton: false);
        var answer = await Telegram.WaitForCallbackAnswerAsync(stale.CallbackQueryId!, TelegramPerson.Patience);
        await Telegram.WaitForUpdatesConsumedAsync(TelegramPerson.Patience);

        Assert.Contains("sudah tidak berlaku", answer.Text, StringComparison.Ordinal);
        Assert.Equal(sentBefore, Telegram.Calls("sendMessage").Count);
        await person.SayAsync("19850312 201001 1 003");
        Assert.Contains("nama lengkap", person.LastText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_press_carrying_foreign_callback_data_is_answered_politely()
    {
        var person = NewPerson();
        await person.SayAsync("/start");
        var consent = person.Last.Single(m => m.Keyboard is not null);
        var sentBefore = Telegram.Calls("sendMessage").Count;

        var foreign = Telegram.PressButton(person.User.Id, consent.MessageId, "vote:42", requireButton: false);
        var answer = await Telegram.WaitForCallbackAnswerAsync(foreign.CallbackQueryId!, TelegramPerson.Patience);

        Assert.Contains("sudah tidak berlaku", answer.Text, StringComparison.Ordinal);
        await Telegram.WaitForUpdatesConsumedAsync(TelegramPerson.Patience);
        Assert.Equal(sentBefore, Telegram.Calls("sendMessage").Count);
    }

    private static async Task<TestPeers.Telegram.SimulatedInput> Settle(TelegramPerson person, string text)
    {
        await person.SayAsync(text);
        return person.LastInput!;
    }
}

[Trait("Category", "EndToEnd")]
public sealed class TelegramExactlyOnceByPollingTests() : TelegramExactlyOnceTests(TelegramMode.Polling)
{
    [Fact]
    public async Task Restart_mid_conversation_resumes_at_the_same_step_without_replay()
    {
        var person = NewPerson();
        await person.SayAsync("/start");
        await person.PressAsync("Setuju");
        await person.SayAsync("19850312 201001 1 003");
        var lastHandled = person.LastInput!.UpdateId!.Value;
        await App.DisposeAsync();
        var pollsBefore = Telegram.Calls("getUpdates").Count;

        StartApp(App.DatabaseFile);
        await person.SayAsync("Siti Rahma");

        var firstPoll = Telegram.Calls("getUpdates")[pollsBefore];
        Assert.Equal((lastHandled + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), firstPoll.GetString("offset"));
        Assert.Contains("nama instansi", person.LastText, StringComparison.Ordinal);
        Assert.Single(Telegram.BotMessages(person.ChatId), m => m.Text.Contains("Ketik NIP Anda", StringComparison.Ordinal));
        Assert.Single(Telegram.BotMessages(person.ChatId), m => m.Text.Contains("nama lengkap", StringComparison.Ordinal));
    }
}

[Trait("Category", "EndToEnd")]
public sealed class TelegramExactlyOnceByWebhookTests() : TelegramExactlyOnceTests(TelegramMode.Webhook)
{
    private static readonly HttpClient Http = new();

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-secret")]
    [InlineData("test-secret_012345678")]
    public async Task A_webhook_call_without_the_right_secret_gets_401_and_nothing_is_processed(string? secret)
    {
        await Telegram.WaitForCallsAsync("setWebhook", 1, TelegramPerson.Patience);
        const string update = """
            {"update_id": 5001, "message": {"message_id": 1, "date": 1763900000, "text": "/start",
             "chat": {"id": 4242, "type": "private", "first_name": "Eve"},
             "from": {"id": 4242, "is_bot": false, "first_name": "Eve"}}}
            """;
        using var request = new HttpRequestMessage(HttpMethod.Post, App.WebhookUrl) { Content = new StringContent(update, Encoding.UTF8, "application/json") };
        if (secret is not null)
            request.Headers.Add(TelegramWebhook.SecretHeader, secret);

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await App.QueryAsync(db => db.Set<InboundReceipt>().CountAsync()));
        Assert.Equal(0, await App.QueryAsync(db => db.Set<ConversationRecord>().CountAsync()));
        Assert.Empty(Telegram.Calls("sendMessage"));
    }

    [Fact]
    public async Task A_webhook_call_with_the_right_secret_is_processed()
    {
        await Telegram.WaitForCallsAsync("setWebhook", 1, TelegramPerson.Patience);
        var user = Telegram.CreateUser("Eve");
        var update = """
            {"update_id": 5002, "message": {"message_id": 1, "date": 1763900000, "text": "/start",
             "chat": {"id": CHAT, "type": "private", "first_name": "Eve"},
             "from": {"id": CHAT, "is_bot": false, "first_name": "Eve"}}}
            """.Replace("CHAT", user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        using var request = new HttpRequestMessage(HttpMethod.Post, App.WebhookUrl) { Content = new StringContent(update, Encoding.UTF8, "application/json") };
        request.Headers.Add(TelegramWebhook.SecretHeader, TelegramBotApp.WebhookSecret);

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await App.QueryAsync(db => db.Set<InboundReceipt>().CountAsync()));
        Assert.NotEmpty(Telegram.Calls("sendMessage", user.ChatId));
    }
}

public sealed class FailOnce
{
    private int _calls;

    public bool Failed => Volatile.Read(ref _calls) > 0;

    /// <summary>True the first time only.</summary>
    public bool First() => Interlocked.Increment(ref _calls) == 1;
}

/// <summary>Stands in for save-profile: throws the first time, saves as the real one after.</summary>
public sealed class SaveProfileFailingOnce(FailOnce failure, IServiceProvider services) : IDialogAction
{
    public string Name => "save-profile";

    public Task<ActionOutcome> RunAsync(ActionContext context, CancellationToken cancellationToken) =>
        failure.First()
            ? throw new InvalidOperationException("The profile save failed, as the test asked.")
            : ActivatorUtilities.CreateInstance<SaveProfileAction>(services).RunAsync(context, cancellationToken);
}
