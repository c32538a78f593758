using System.Net;
using AsnBot.TestPeers.Teams;
using Microsoft.Extensions.Options;

namespace AsnBot.Bot.Tests.Channels.Teams;

/// <summary>
/// Without an app id the channel is off, except for the local-testing mode the Emulator and
/// the Agents Playground need: unauthenticated activities, from loopback only.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class TeamsLocalModeTests : IAsyncLifetime
{
    private FakeBotFramework _botFramework = null!;

    public async Task InitializeAsync() => _botFramework = await FakeBotFramework.StartAsync();

    public async Task DisposeAsync() => await _botFramework.DisposeAsync();

    private TeamsBotApp App(params (string Key, string? Value)[] settings) =>
        new(_botFramework, settings.ToDictionary(s => s.Key, s => s.Value));

    [Fact]
    public async Task Anonymous_activities_from_loopback_are_handled_when_local_mode_is_on_and_there_is_no_app_id()
    {
        await using var app = App(("Teams:AppId", ""), ("Teams:AppPassword", ""), ("Teams:AllowAnonymousLocal", "true"));
        var user = new TeamsUser(_botFramework);

        Assert.Equal(HttpStatusCode.Accepted, await app.PostAsync(user.Message("/start"), withToken: false));
        var replies = await _botFramework.WaitForActivitiesAsync(user.ConversationId, 1);
        Assert.Equal("", replies[0].Authorization);
        Assert.Equal(0, _botFramework.TokenRequests);
    }

    [Fact]
    public async Task Anonymous_activities_from_another_address_are_refused_even_in_local_mode()
    {
        await using var app = App(("Teams:AppId", ""), ("Teams:AppPassword", ""), ("Teams:AllowAnonymousLocal", "true"));
        app.CallerAddress = IPAddress.Parse("192.0.2.10");

        Assert.Equal(HttpStatusCode.Unauthorized, await app.PostAsync(new TeamsUser(_botFramework).Message("/start"), withToken: false));
    }

    [Fact]
    public async Task Anonymous_activities_are_refused_when_an_app_id_is_set()
    {
        await using var app = App();
        Assert.Equal(HttpStatusCode.Unauthorized, await app.PostAsync(new TeamsUser(_botFramework).Message("/start"), withToken: false));
    }

    [Fact]
    public async Task Without_an_app_id_or_local_mode_the_channel_is_off()
    {
        await using var app = App(("Teams:AppId", ""), ("Teams:AppPassword", ""));
        Assert.Equal(HttpStatusCode.NotFound, await app.PostAsync(new TeamsUser(_botFramework).Message("/start"), withToken: false));
    }

    [Theory]
    [InlineData("Teams:AllowAnonymousLocal", "true", "Teams:AllowAnonymousLocal")]
    [InlineData("Teams:AppPassword", "", "Teams:AppPassword")]
    [InlineData("Teams:OpenIdMetadataUrl", "not a url", "Teams:OpenIdMetadataUrl")]
    [InlineData("Teams:TokenEndpoint", "ftp://example.org/token", "Teams:TokenEndpoint")]
    public async Task A_bad_setting_stops_start_up_with_a_sentence_naming_the_key(string key, string value, string named)
    {
        await using var app = App((key, value));
        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
