using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AsnBot.Bot.Tests.Support;
using AsnBot.Channels.Telegram;
using AsnBot.TestPeers.Telegram;

namespace AsnBot.Bot.Tests.Hardening;

/// <summary>Every inbound endpoint refuses a body that is too large (413) or not JSON (400), before any work is done.</summary>
public sealed class InboundLimitsTests(InboundLimitsTests.Host host) : IClassFixture<InboundLimitsTests.Host>
{
    private const string Secret = "limits-webhook-secret";

    public static TheoryData<string, int> Endpoints => new()
    {
        // path, the endpoint's own ceiling in bytes
        { "/api/webchat/limits-session-1/messages", 16 * 1024 },
        { TelegramWebhook.Path, 1024 * 1024 },
        { "/api/messages", 256 * 1024 },
        { "/api/recommendations", 1024 * 1024 },
        { "/api/broadcasts", 1024 * 1024 },
    };

    /// <summary>One bot for all cases, with the Telegram webhook and the Teams channel on.</summary>
    public sealed class Host : IAsyncLifetime
    {
        private FakeTelegramServer _telegram = null!;

        public BotApp App { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _telegram = await FakeTelegramServer.StartAsync();
            App = new BotApp();
            App.Settings["Telegram:BotToken"] = _telegram.Token;
            App.Settings["Telegram:ApiBaseUrl"] = _telegram.BaseUrl.ToString();
            App.Settings["Telegram:Mode"] = "Webhook";
            App.Settings["Telegram:WebhookUrl"] = "http://127.0.0.1:9/api/telegram/update";
            App.Settings["Telegram:WebhookSecret"] = Secret;
            App.Settings["Teams:AppId"] = "8f2b1f8e-0000-4000-8000-00000000b07a";
            App.Settings["Teams:AppPassword"] = "limits-teams-password";
            Admin = await App.CreateSignedInClientAsync();
        }

        /// <summary>The coordinators' APIs judge a body only for a signed-in caller.</summary>
        public HttpClient Admin { get; private set; } = null!;

        public async Task DisposeAsync()
        {
            Admin.Dispose();
            await App.DisposeAsync();
            await _telegram.DisposeAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_body_over_the_endpoints_ceiling_gets_413(string path, int ceiling)
    {
        var oversized = "{\"text\":\"" + new string('a', ceiling) + "\"}";
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await PostAsync(path, oversized));
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Malformed_JSON_gets_400(string path, int ceiling)
    {
        Assert.True(ceiling > 0);
        foreach (var malformed in new[] { "{\"text\": ", "not json at all", "[1, 2,", "{\"text\": \"\\ud800\" ,}" })
            Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(path, malformed));
    }

    /// <summary>With the credentials each endpoint checks first (webhook secret, a bearer header), so the body is what is judged.</summary>
    private async Task<HttpStatusCode> PostAsync(string path, string body)
    {
        using var anonymous = host.App.CreateClient();
        var http = path.StartsWith("/api/recommendations", StringComparison.Ordinal) || path.StartsWith("/api/broadcasts", StringComparison.Ordinal) ? host.Admin : anonymous;
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(TelegramWebhook.SecretHeader, Secret);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-yet-checked");
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
