using System.Globalization;
using System.Net;
using System.Text;
using AsnBot.Bot.Tests.Support;
using AsnBot.Channels.Telegram;
using AsnBot.Dashboard.Access;
using AsnBot.Knowledge.Conversations;
using AsnBot.TestPeers.Telegram;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsnBot.Bot.Tests.Channels.Telegram;

/// <summary>
/// The webhook is short-circuited at routing: the dashboard's pipeline (sign-in, password
/// change, antiforgery) never sees Telegram's calls, while the security headers still do.
/// </summary>
public sealed class TelegramWebhookPipelineTests : IAsyncLifetime
{
    private const string Secret = "pipeline-webhook-secret";
    private FakeTelegramServer _telegram = null!;
    private BotApp _app = null!;

    public async Task InitializeAsync()
    {
        _telegram = await FakeTelegramServer.StartAsync();
        _app = new BotApp();
        _app.Settings["Telegram:BotToken"] = _telegram.Token;
        _app.Settings["Telegram:ApiBaseUrl"] = _telegram.BaseUrl.ToString();
        _app.Settings["Telegram:Mode"] = "Webhook";
        _app.Settings["Telegram:WebhookUrl"] = "http://127.0.0.1:9/api/telegram/update";
        _app.Settings["Telegram:WebhookSecret"] = Secret;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _telegram.DisposeAsync();
    }

    [Fact]
    public async Task A_webhook_call_carrying_a_dashboard_session_that_must_change_its_password_is_still_handled()
    {
        using var http = await SignedInWithOneTimePasswordAsync();
        using (var gated = await http.GetAsync(new Uri("/api/broadcasts", UriKind.Relative)))
            Assert.Equal(HttpStatusCode.Forbidden, gated.StatusCode);
        var user = _telegram.CreateUser("Eve");

        using var call = WebhookCall(user.Id, 7001);
        using var response = await http.SendAsync(call);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await _app.QueryAsync(db => db.Set<InboundReceipt>().CountAsync()));
        Assert.NotEmpty(_telegram.Calls("sendMessage", user.ChatId));
    }

    [Fact]
    public async Task A_webhook_answer_still_carries_the_security_headers()
    {
        using var http = _app.CreateClient();
        var user = _telegram.CreateUser("Eve");

        using var call = WebhookCall(user.Id, 7002);
        using var response = await http.SendAsync(call);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    /// <summary>A dashboard session whose account still has its one-time password: the gate answers its API calls 403.</summary>
    private async Task<HttpClient> SignedInWithOneTimePasswordAsync()
    {
        var email = await DashboardSignIn.CreateAccountAsync(_app);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
            var account = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException("The account was not created.");
            account.MustChangePassword = true;
            await users.UpdateAsync(account);
        }
        var http = _app.CreateDashboardClient();
        using var signedIn = await http.SignInAsync(email, DashboardSignIn.Password);
        Assert.Equal(SignInEndpoints.ChangePasswordPage, signedIn.Headers.Location?.OriginalString);
        return http;
    }

    private static HttpRequestMessage WebhookCall(long chatId, int updateId)
    {
        var chat = chatId.ToString(CultureInfo.InvariantCulture);
        var update = """
            {"update_id": UPDATE, "message": {"message_id": 1, "date": 1763900000, "text": "/start",
             "chat": {"id": CHAT, "type": "private", "first_name": "Eve"},
             "from": {"id": CHAT, "is_bot": false, "first_name": "Eve"}}}
            """.Replace("UPDATE", updateId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("CHAT", chat, StringComparison.Ordinal);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(TelegramWebhook.Path, UriKind.Relative))
        {
            Content = new StringContent(update, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(TelegramWebhook.SecretHeader, Secret);
        return request;
    }
}
