using System.Net;
using System.Net.Http.Json;
using System.Text;
using AsnBot.Bot.Tests.Support;
using AsnBot.Knowledge.Conversations;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Bot.Tests.Channels.Web;

public sealed class WebChatEndpointTests : IAsyncLifetime
{
    private readonly BotApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        // The health test puts a folder where the database file was.
        if (Directory.Exists(_app.DatabaseFile))
            Directory.Delete(_app.DatabaseFile);
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_reply_carries_texts_and_buttons_as_documented()
    {
        using var http = _app.CreateClient();
        using var response = await http.PostAsJsonAsync("/api/webchat/session-0001/messages", new { text = "/start" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"replies\":[{\"text\":", json, StringComparison.Ordinal);
        Assert.Contains("\"choices\":[{\"label\":\"Setuju\",\"value\":\"ya\"}", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("has%20space-in-it")]
    [InlineData("semi;colon12")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task Session_ids_outside_8_to_64_safe_characters_are_refused(string sessionId)
    {
        using var http = _app.CreateClient();
        using var response = await http.PostAsJsonAsync($"/api/webchat/{sessionId}/messages", new { text = "halo" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_16_KB_gets_413_and_changes_nothing()
    {
        using var http = _app.CreateClient();
        using var content = new StringContent("{\"text\":\"" + new string('a', 17 * 1024) + "\"}", Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("/api/webchat/session-0002/messages", content);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await _app.QueryAsync(db => db.Set<ConversationRecord>().CountAsync()));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("{}")]
    [InlineData("[1,2,3]")]
    public async Task Malformed_or_empty_bodies_get_400(string body)
    {
        using var http = _app.CreateClient();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("/api/webchat/session-0003/messages", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_chat_page_is_served_in_Indonesian()
    {
        using var http = _app.CreateClient();
        var html = await http.GetStringAsync("/chat");
        Assert.Contains("lang=\"id\"", html, StringComparison.Ordinal);
        Assert.Contains("/chat/chat.js", html, StringComparison.Ordinal);
        using var page = await http.GetAsync("/chat");
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        using var script = await http.GetAsync("/chat/chat.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Healthz_is_200_with_the_database_and_503_without_it()
    {
        using var http = _app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);

        BotApp.DeleteDatabase(_app.DatabaseFile);
        Directory.CreateDirectory(_app.DatabaseFile);

        using var response = await http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}
