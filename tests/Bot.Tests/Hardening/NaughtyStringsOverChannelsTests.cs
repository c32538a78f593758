using System.Net;
using AsnBot.Bot.Tests.Channels.Teams;
using AsnBot.Bot.Tests.Support;
using AsnBot.Channels.Telegram;
using AsnBot.TestPeers.Teams;
using AsnBot.TestPeers.Telegram;

namespace AsnBot.Bot.Tests.Hardening;

/// <summary>
/// Every naughty string through the Telegram webhook and the Teams endpoint (the web chat has its
/// own test): the platform always gets a 2xx, the person a sensible reply (the question again, or
/// the next one when the string is a valid answer), never the apology. String i is asked at
/// question i mod 3, so each string crosses each channel once and every question sees a third.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class NaughtyStringsOverChannelsTests
{
    private const string Apology = "ada gangguan di sistem kami";

    // The strings arrive far faster than a person types; flood protection has its own tests.
    private const string FloodLimit = "Flood:MaxMessages";

    [Fact]
    public async Task Every_naughty_string_over_the_Telegram_webhook_gets_a_sensible_reply_and_a_200()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var app = new TelegramBotApp(telegram, TelegramMode.Webhook) { Settings = { [FloodLimit] = "10000" } }.Start();
        await telegram.WaitForCallsAsync("setWebhook", 1, TimeSpan.FromSeconds(20));
        var strings = Blns.Typeable;

        await Task.WhenAll(RegistrationQuestion.All.Select(async (question, q) =>
        {
            var person = await AtAsync(telegram, question);
            for (var i = q; i < strings.Count; i += RegistrationQuestion.All.Count)
            {
                var replies = await person.SayAsync(strings[i]);
                var last = replies.Count > 0 ? replies[^1].Text : "(no reply)";
                Assert.False(replies.Any(r => r.Text.Contains(Apology, StringComparison.Ordinal)), $"'{strings[i]}' at {question.Kind}: apology");
                Assert.True(last.Contains(question.Prompt, StringComparison.Ordinal) || last.Contains(question.NextPrompt, StringComparison.Ordinal),
                    $"'{strings[i]}' at {question.Kind} got: {last}");
                if (question.Kind == "choice" && System.Text.Encoding.UTF8.GetByteCount(strings[i]) <= 64)
                {
                    // The same string as a button's callback data (up to Telegram's 64 bytes): a stale press, answered, nothing changed.
                    var press = telegram.PressButton(person.User.Id, replies[^1].MessageId, strings[i], requireButton: false);
                    await telegram.WaitForCallbackAnswerAsync(press.CallbackQueryId!, TelegramPerson.Patience);
                    await person.SettleAsync(press);
                }
                if (!last.Contains(question.Prompt, StringComparison.Ordinal))
                    person = await AtAsync(telegram, question);
            }
        }));

        Assert.All(telegram.WebhookAttempts(), attempt => Assert.True(attempt.Delivered, $"update {attempt.UpdateId} got {attempt.StatusCode} {attempt.Error}"));
        Assert.DoesNotContain(telegram.WebhookAttempts(), attempt => attempt.Attempt > 1);
    }

    [Fact]
    public async Task Every_naughty_string_over_the_Teams_endpoint_gets_a_sensible_reply_and_a_2xx()
    {
        await using var botFramework = await FakeBotFramework.StartAsync();
        await using var app = new TeamsBotApp(botFramework, new Dictionary<string, string?> { [FloodLimit] = "10000" });
        var strings = Blns.Typeable;

        await Task.WhenAll(RegistrationQuestion.All.Select(async (question, q) =>
        {
            var user = await AtAsync(app, botFramework, question);
            for (var i = q; i < strings.Count; i += RegistrationQuestion.All.Count)
            {
                // At the consent question half the strings come as a card submit (a forged button value), half typed.
                var activity = question.Kind == "choice" && i % 2 == 0 ? user.Submit(strings[i]) : user.Message(strings[i]);
                var last = await TurnAsync(app, botFramework, user, activity, question);
                Assert.False(last.Contains(Apology, StringComparison.Ordinal), $"'{strings[i]}' at {question.Kind}: apology");
                if (!last.Contains(question.Prompt, StringComparison.Ordinal))
                    user = await AtAsync(app, botFramework, question);
            }
        }));
    }

    private static async Task<TelegramPerson> AtAsync(FakeTelegramServer telegram, RegistrationQuestion question)
    {
        var person = new TelegramPerson(telegram, telegram.CreateUser("Naughty"));
        foreach (var step in question.Path)
        {
            if (step == "Setuju")
                await person.PressAsync(step);
            else
                await person.SayAsync(step);
        }
        Assert.Contains(question.Prompt, person.LastText, StringComparison.Ordinal);
        return person;
    }

    private static async Task<TeamsUser> AtAsync(TeamsBotApp app, FakeBotFramework botFramework, RegistrationQuestion question)
    {
        var user = new TeamsUser(botFramework);
        foreach (var (step, index) in question.Path.Select((s, i) => (s, i)))
        {
            var activity = step == "Setuju" ? user.Submit("ya") : user.Message(step);
            var expected = RegistrationQuestion.All[index].Prompt;
            Assert.Contains(expected, await TurnAsync(app, botFramework, user, activity, question with { Prompt = expected }), StringComparison.Ordinal);
        }
        return user;
    }

    /// <summary>Posts one activity and returns the text of its last reply, once that is this question or the next one.</summary>
    private static async Task<string> TurnAsync(TeamsBotApp app, FakeBotFramework botFramework, TeamsUser user, System.Text.Json.Nodes.JsonObject activity, RegistrationQuestion question)
    {
        var before = botFramework.ActivitiesTo(user.ConversationId).Count;
        var status = await app.PostAsync(activity);
        Assert.True(status is HttpStatusCode.Accepted or HttpStatusCode.OK, $"{activity.ToJsonString()} got {(int)status}");
        var calls = await botFramework.WaitForActivitiesAsync(user.ConversationId, calls =>
            calls.Count > before && (calls[^1].Text.Contains(question.Prompt, StringComparison.Ordinal) || calls[^1].Text.Contains(question.NextPrompt, StringComparison.Ordinal)
                || calls.Skip(before).Any(c => c.Text.Contains(Apology, StringComparison.Ordinal))));
        return string.Join("\n", calls.Skip(before).Select(c => c.Text));
    }
}
