using System.Net;
using System.Text.Json;
using AsnBot.Channels.Teams;
using AsnBot.Conversations;
using AsnBot.Conversations.Engine;
using AsnBot.Delivery;
using AsnBot.Knowledge.Conversations;
using AsnBot.Knowledge.Profiles;
using AsnBot.TestPeers.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsnBot.Bot.Tests.Channels.Teams;

/// <summary>
/// A person on Teams, end to end over the Bot Framework protocol: activities posted to
/// /api/messages with signed tokens, replies read from the fake connector, Adaptive Card
/// buttons pressed as the Teams client submits them.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class RegistrationOverTeamsTests : IAsyncLifetime
{
    private FakeBotFramework _botFramework = null!;
    private TeamsBotApp _app = null!;

    public async Task InitializeAsync()
    {
        _botFramework = await FakeBotFramework.StartAsync();
        _app = new TeamsBotApp(_botFramework);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _botFramework.DisposeAsync();
    }

    /// <summary>
    /// Sends one activity and returns its replies once they include one with buttons (when
    /// <paramref name="untilChoice"/> is given) or at least one reply.
    /// </summary>
    private async Task<IReadOnlyList<ConnectorCall>> TurnAsync(TeamsUser user, System.Text.Json.Nodes.JsonObject activity, string? untilChoice = null)
    {
        var before = _botFramework.ActivitiesTo(user.ConversationId).Count;
        Assert.Equal(HttpStatusCode.Accepted, await _app.PostAsync(activity));
        var all = await _botFramework.WaitForActivitiesAsync(user.ConversationId, calls =>
            calls.Count > before && (untilChoice is null || calls.Skip(before).Any(c => c.SubmitChoices.Contains(untilChoice))));
        return [.. all.Skip(before)];
    }

    private async Task RegisterAsync(TeamsUser user)
    {
        var welcome = await TurnAsync(user, user.BotAdded(), untilChoice: "ya");
        Assert.Contains("Selamat datang", welcome[0].Text, StringComparison.Ordinal);
        await TurnAsync(user, user.Submit("ya"));
        await TurnAsync(user, user.Message("19850312 201001 1 003"));
        await TurnAsync(user, user.Message("Siti Rahma"));
        await TurnAsync(user, user.Message("Pemerintah Kota Ambon"));
        await TurnAsync(user, user.Message("Dinas Kesehatan"));
        await TurnAsync(user, user.Message("Analis Kebijakan"));
        await TurnAsync(user, user.Submit("fungsional-muda"));
        await TurnAsync(user, user.Message("maluku"));
        await TurnAsync(user, user.Message("Kota Ambon"));
        await TurnAsync(user, user.Submit("8"));
        var done = await TurnAsync(user, user.Submit("simpan"), untilChoice: "survei");
        Assert.Contains("Terima kasih, Siti Rahma!", string.Join("\n", done.Select(d => d.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_newcomer_is_welcomed_on_install_registers_with_card_buttons_and_lands_in_the_menu()
    {
        var user = new TeamsUser(_botFramework);
        await RegisterAsync(user);

        var menu = _botFramework.ActivitiesTo(user.ConversationId)[^1];
        Assert.Equal(["survei", "rekomendasi", "belajar", "jp", "kuesioner", "mentoring", "tanya", "profil", "tautkan", "bantuan"], menu.SubmitChoices);

        var person = await _app.QueryAsync(db => db.Set<Person>().Include(p => p.Channels).SingleAsync());
        Assert.Equal("198503122010011003", person.Nip);
        Assert.Equal(IndonesianTimeZone.WIT, person.TimeZone);
        var account = person.Channels.Single();
        Assert.Equal(("teams", user.ConversationId, true), (account.Channel, account.Address, account.IsReachable));
        var reference = TeamsConversationReference.Parse(account.Reference)!;
        Assert.Equal((user.ConversationId, _botFramework.ServiceUrl, FakeBotFramework.TenantId, user.AadObjectId),
            (reference.ConversationId, reference.ServiceUrl, reference.TenantId, reference.UserAadObjectId));
    }

    [Fact]
    public async Task Choices_come_as_an_adaptive_card_with_submit_buttons_and_a_numbered_text_fallback()
    {
        var user = new TeamsUser(_botFramework);
        var welcome = await TurnAsync(user, user.BotAdded(), untilChoice: "ya");

        var consent = welcome[^1];
        var card = Assert.Single(consent.AdaptiveCards);
        Assert.Equal(("AdaptiveCard", "1.5"), (card.GetProperty("type").GetString(), card.GetProperty("version").GetString()));
        Assert.Equal(["ya", "tidak"], consent.SubmitChoices);
        Assert.Contains("\n1. Setuju\n2. Tidak setuju", consent.Text, StringComparison.Ordinal);

        // Typing the number shown in the text works as well as pressing the button.
        var next = await TurnAsync(user, user.Message("1"));
        Assert.Contains("Ketik NIP Anda", next[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replies_answer_the_activity_with_a_connector_token_fetched_once_and_reused()
    {
        var user = new TeamsUser(_botFramework);
        var first = user.Message("/start");
        await TurnAsync(user, first, untilChoice: "ya");
        var second = user.Submit("ya");
        await TurnAsync(user, second);

        var calls = _botFramework.ActivitiesTo(user.ConversationId);
        Assert.Equal(first["id"]!.GetValue<string>(), calls[0].ReplyToId);
        Assert.Equal(second["id"]!.GetValue<string>(), calls[^1].ReplyToId);
        Assert.All(calls, c => Assert.Equal($"Bearer connector-token-1-for-{TeamsBotApp.AppId}", c.Authorization));
        Assert.Equal(1, _botFramework.TokenRequests);
    }

    [Fact]
    public async Task A_redelivered_activity_is_ignored()
    {
        var user = new TeamsUser(_botFramework);
        await TurnAsync(user, user.Message("/start"), untilChoice: "ya");
        var consent = user.Submit("ya");
        var replies = await TurnAsync(user, consent);
        Assert.Equal(HttpStatusCode.Accepted, await _app.PostAsync(consent));
        // Same conversation, same lane: once this answer is in, the redelivery was handled too.
        var help = await TurnAsync(user, user.Message("/bantuan"));

        var calls = _botFramework.ActivitiesTo(user.ConversationId);
        var answers = calls.Where(c => c.ReplyToId == consent["id"]!.GetValue<string>()).ToList();
        Assert.NotEmpty(replies);
        Assert.Equal(answers.Select(a => a.Text).Distinct().Count(), answers.Count);
        Assert.Equal(1, await _app.QueryAsync(db => db.Set<InboundReceipt>().CountAsync(r => r.ExternalId == consent["id"]!.GetValue<string>())));
        Assert.NotEmpty(help);
    }

    [Fact]
    public async Task A_throttled_reply_is_sent_again_after_retry_after()
    {
        var user = new TeamsUser(_botFramework);
        _botFramework.FailNext(429, TimeSpan.FromSeconds(1));
        var replies = await TurnAsync(user, user.Message("/start"), untilChoice: "ya");

        Assert.Contains(_botFramework.Calls, c => c.ConversationId == user.ConversationId && c.Status == 429);
        Assert.Equal(2, replies.Count);
    }

    [Fact]
    public async Task Removing_the_app_marks_the_person_unreachable_and_installing_again_reaches_them_again()
    {
        var user = new TeamsUser(_botFramework);
        await RegisterAsync(user);

        Assert.Equal(HttpStatusCode.Accepted, await _app.PostAsync(user.Installation("remove")));
        await WaitForReachabilityAsync(user, expected: false);

        Assert.Equal(HttpStatusCode.Accepted, await _app.PostAsync(user.Installation("add")));
        await WaitForReachabilityAsync(user, expected: true);
    }

    [Fact]
    public async Task The_sender_reports_throttling_gone_recipients_and_failures_and_marks_gone_ones_unreachable()
    {
        var user = new TeamsUser(_botFramework);
        await RegisterAsync(user);
        var to = new ChannelUser("teams", user.ConversationId);
        var sender = _app.Services.GetServices<IChannelSender>().Single(s => s.Channel == "teams");

        Assert.Equal(SendStatus.Sent, (await sender.SendAsync(to, new Reply("Pengingat: belajar hari ini."), fromPart: 0, CancellationToken.None)).Status);
        var proactive = _botFramework.ActivitiesTo(user.ConversationId)[^1];
        Assert.Null(proactive.ReplyToId);
        Assert.Equal("Pengingat: belajar hari ini.", proactive.Text);

        _botFramework.FailNext(429, TimeSpan.FromSeconds(7));
        Assert.Equal(new SendResult(SendStatus.Throttled, TimeSpan.FromSeconds(7), "429"), await sender.SendAsync(to, new Reply("x"), fromPart: 0, CancellationToken.None));

        _botFramework.FailNext(502);
        Assert.Equal(SendStatus.Failed, (await sender.SendAsync(to, new Reply("x"), fromPart: 0, CancellationToken.None)).Status);

        _botFramework.FailNext(403);
        Assert.Equal(SendStatus.RecipientGone, (await sender.SendAsync(to, new Reply("x"), fromPart: 0, CancellationToken.None)).Status);
        Assert.False(await _app.QueryAsync(db => db.Set<ChannelAccount>().Where(a => a.Address == user.ConversationId).Select(a => a.IsReachable).SingleAsync()));

        Assert.Equal(SendStatus.RecipientGone, (await sender.SendAsync(new ChannelUser("teams", "a:never-seen"), new Reply("x"), fromPart: 0, CancellationToken.None)).Status);
    }

    private async Task WaitForReachabilityAsync(TeamsUser user, bool expected)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (await _app.QueryAsync(db => db.Set<ChannelAccount>().Where(a => a.Address == user.ConversationId).Select(a => a.IsReachable).SingleAsync()) != expected)
            await Task.Delay(20, timeout.Token);
    }
}
