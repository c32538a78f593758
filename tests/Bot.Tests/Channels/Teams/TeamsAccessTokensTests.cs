using AsnBot.Channels.Teams;
using AsnBot.TestPeers.Teams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AsnBot.Bot.Tests.Channels.Teams;

/// <summary>The connector token is reused until shortly before it expires, then fetched anew.</summary>
[Trait("Category", "EndToEnd")]
public sealed class TeamsAccessTokensTests : IAsyncLifetime
{
    private FakeBotFramework _botFramework = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _botFramework = await FakeBotFramework.StartAsync();
        _services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _botFramework.DisposeAsync();
    }

    [Fact]
    public async Task The_token_is_renewed_five_minutes_before_it_expires_and_not_earlier()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var options = Options.Create(new TeamsOptions { AppId = TeamsBotApp.AppId, AppPassword = "secret", TokenEndpoint = _botFramework.TokenEndpoint });
        using var tokens = new TeamsAccessTokens(_services.GetRequiredService<IHttpClientFactory>(), options, clock);

        var first = await tokens.GetAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(54));
        Assert.Equal(first, await tokens.GetAsync(CancellationToken.None));
        Assert.Equal(1, _botFramework.TokenRequests);

        // The fake's tokens live 60 minutes.
        clock.Advance(TimeSpan.FromMinutes(1));
        var renewed = await tokens.GetAsync(CancellationToken.None);
        Assert.NotEqual(first, renewed);
        Assert.Equal(2, _botFramework.TokenRequests);
    }

    [Fact]
    public async Task Without_an_app_id_there_is_no_token_and_no_request()
    {
        using var tokens = new TeamsAccessTokens(_services.GetRequiredService<IHttpClientFactory>(), Options.Create(new TeamsOptions { TokenEndpoint = _botFramework.TokenEndpoint }), TimeProvider.System);
        Assert.Null(await tokens.GetAsync(CancellationToken.None));
        Assert.Equal(0, _botFramework.TokenRequests);
    }
}
