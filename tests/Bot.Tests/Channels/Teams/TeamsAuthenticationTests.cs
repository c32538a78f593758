using System.Net;
using AsnBot.Knowledge.Conversations;
using AsnBot.TestPeers.Teams;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Bot.Tests.Channels.Teams;

/// <summary>
/// The channel-authentication rules of the Bot Framework, each broken on its own: every
/// broken token gets 401 and the activity is not processed at all.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class TeamsAuthenticationTests : IAsyncLifetime
{
    private FakeBotFramework _botFramework = null!;
    private TeamsBotApp _app = null!;

    public async Task InitializeAsync()
    {
        _botFramework = await FakeBotFramework.StartAsync();
        _app = new TeamsBotApp(_botFramework, new Dictionary<string, string?> { ["Teams:AllowedTenants:0"] = FakeBotFramework.TenantId });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _botFramework.DisposeAsync();
    }

    public static TheoryData<string> BrokenTokens =>
    [
        "no token", "not a token", "expired", "not yet valid", "wrong issuer", "wrong audience",
        "unknown key", "bad signature", "serviceUrl mismatch", "key not endorsed for msteams",
    ];

    [Theory]
    [MemberData(nameof(BrokenTokens))]
    public async Task A_broken_token_is_refused_with_401_and_nothing_is_processed(string broken)
    {
        var user = new TeamsUser(_botFramework);
        var status = await _app.PostAsync(user.Message("/start"), Token(broken), withToken: broken != "no token");
        Assert.Equal(HttpStatusCode.Unauthorized, status);

        await AssertOnlyTheNextActivityIsProcessedAsync(user);
    }

    [Fact]
    public async Task A_token_within_the_five_minute_clock_skew_is_accepted()
    {
        var user = new TeamsUser(_botFramework);
        var token = _botFramework.IssueToken(TeamsBotApp.AppId, _botFramework.ServiceUrl, new() { Expires = DateTimeOffset.UtcNow.AddMinutes(-3), NotBefore = DateTimeOffset.UtcNow.AddMinutes(-60) });
        Assert.Equal(HttpStatusCode.Accepted, await _app.PostAsync(user.Message("/start"), token));
        await _botFramework.WaitForActivitiesAsync(user.ConversationId, 1);
    }

    [Fact]
    public async Task An_activity_from_a_tenant_not_allowed_is_refused_and_not_processed()
    {
        var stranger = new TeamsUser(_botFramework) { TenantId = "00000000-0000-4000-8000-0000000000ff" };
        Assert.Equal(HttpStatusCode.Forbidden, await _app.PostAsync(stranger.Message("/start")));

        await AssertOnlyTheNextActivityIsProcessedAsync(new TeamsUser(_botFramework, stranger.ConversationId));
    }

    [Fact]
    public async Task An_unknown_key_id_makes_the_bot_fetch_the_keys_again_before_refusing()
    {
        var user = new TeamsUser(_botFramework);
        Assert.Equal(HttpStatusCode.Accepted, await _app.PostAsync(user.Message("/start")));
        var fetchesBefore = _botFramework.MetadataFetches;

        Assert.Equal(HttpStatusCode.Unauthorized, await _app.PostAsync(user.Message("/start"), Token("unknown key")));
        Assert.Equal(fetchesBefore + 1, _botFramework.MetadataFetches);
    }

    /// <summary>
    /// Posts a good activity in the same conversation and waits for its reply: activities of a
    /// conversation are handled in order, so a refused one that had slipped through would show by then.
    /// </summary>
    private async Task AssertOnlyTheNextActivityIsProcessedAsync(TeamsUser user)
    {
        var good = user.Message("/bantuan");
        Assert.Equal(HttpStatusCode.Accepted, await _app.PostAsync(good));
        var replies = await _botFramework.WaitForActivitiesAsync(user.ConversationId, 1);

        Assert.All(replies, reply => Assert.Equal(good["id"]!.GetValue<string>(), reply.ReplyToId));
        Assert.Equal(1, await _app.QueryAsync(db => db.Set<InboundReceipt>().CountAsync(r => r.Channel == "teams")));
    }

    private string? Token(string broken)
    {
        var now = DateTimeOffset.UtcNow;
        var serviceUrl = _botFramework.ServiceUrl;
        return broken switch
        {
            "no token" => null,
            "not a token" => "not-a-jwt",
            "expired" => _botFramework.IssueToken(TeamsBotApp.AppId, serviceUrl, new() { NotBefore = now.AddHours(-2), Expires = now.AddMinutes(-6) }),
            "not yet valid" => _botFramework.IssueToken(TeamsBotApp.AppId, serviceUrl, new() { NotBefore = now.AddMinutes(6), Expires = now.AddHours(1) }),
            "wrong issuer" => _botFramework.IssueToken(TeamsBotApp.AppId, serviceUrl, new() { Issuer = "https://sts.windows.net/evil/" }),
            "wrong audience" => _botFramework.IssueToken("another-bot", serviceUrl),
            "unknown key" => _botFramework.IssueToken(TeamsBotApp.AppId, serviceUrl, new() { Key = FakeBotFramework.SigningKey.Create("msteams") }),
            "bad signature" => _botFramework.IssueToken(TeamsBotApp.AppId, serviceUrl, new() { Key = FakeBotFramework.SigningKey.Create("msteams"), KeyId = _botFramework.CurrentKey.KeyId }),
            "serviceUrl mismatch" => _botFramework.IssueToken(TeamsBotApp.AppId, "https://smba.trafficmanager.net/evil/"),
            "key not endorsed for msteams" => NotEndorsed(),
            _ => throw new ArgumentOutOfRangeException(nameof(broken)),
        };
    }

    private string NotEndorsed()
    {
        // Published, but endorsed for another channel only.
        var webchatOnly = _botFramework.PublishExtraKey("webchat");
        return _botFramework.IssueToken(TeamsBotApp.AppId, _botFramework.ServiceUrl, new() { Key = webchatOnly });
    }
}

/// <summary>Bot Framework rolls its signing keys; the bot follows without a restart.</summary>
[Trait("Category", "EndToEnd")]
public sealed class TeamsKeyRotationTests : IAsyncLifetime
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

    [Fact]
    public async Task A_token_signed_with_a_newly_rotated_key_is_accepted_after_one_metadata_refresh()
    {
        var user = new TeamsUser(_botFramework);
        Assert.Equal(HttpStatusCode.Accepted, await _app.PostAsync(user.Message("/start")));
        Assert.Equal(1, _botFramework.MetadataFetches);

        _botFramework.RotateKey();
        Assert.Equal(HttpStatusCode.Accepted, await _app.PostAsync(user.Message("/bantuan")));
        Assert.Equal(2, _botFramework.MetadataFetches);

        Assert.Equal(HttpStatusCode.Accepted, await _app.PostAsync(user.Message("menu")));
        Assert.Equal(2, _botFramework.MetadataFetches);
        await _botFramework.WaitForActivitiesAsync(user.ConversationId, 3);
    }
}
