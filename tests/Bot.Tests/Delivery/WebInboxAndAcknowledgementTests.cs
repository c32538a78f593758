using System.Net.Http.Json;
using AsnBot.Bot.Tests.Support;
using AsnBot.Broadcasts;
using AsnBot.Channels.Web;
using AsnBot.Knowledge.Outbox;

namespace AsnBot.Bot.Tests.Delivery;

public sealed class WebInboxAndAcknowledgementTests
{
    [Fact]
    public async Task A_broadcast_reaches_the_web_chat_inbox_and_the_page_fetches_only_newer_messages()
    {
        await using var bot = new OutboxFixture();
        await bot.AddPersonAsync("web-session-001", channel: "web");
        var id = await bot.SendBroadcastAsync(new BroadcastDraft("Pelatihan SPBE dibuka", ["Sudah dibaca", "Daftar"], null, null, "tester"));
        await bot.Dispatcher.DispatchOnceAsync(CancellationToken.None);
        var http = bot.App.CreateClient();

        var inbox = await http.GetFromJsonAsync<WebChatInboxResponse>("/api/webchat/web-session-001/messages?after=0");

        var message = Assert.Single(inbox!.Replies);
        Assert.Equal("Pelatihan SPBE dibuka", message.Text);
        Assert.Equal(["Sudah dibaca", "Daftar"], message.Choices.Select(c => c.Label));
        Assert.Equal(BroadcastMessage.ButtonValue(id, 1), message.Choices[1].Value);
        Assert.Empty((await http.GetFromJsonAsync<WebChatInboxResponse>($"/api/webchat/web-session-001/messages?after={message.Id}"))!.Replies);
        Assert.Empty((await http.GetFromJsonAsync<WebChatInboxResponse>("/api/webchat/another-session/messages"))!.Replies);
    }

    [Fact]
    public async Task Pressing_a_broadcast_button_is_counted_once_and_leaves_the_dialog_alone()
    {
        await using var bot = new OutboxFixture();
        await bot.AddPersonAsync("web-session-002", channel: "web");
        await bot.AddPersonAsync("web-session-003", channel: "web");
        var id = await bot.SendBroadcastAsync(new BroadcastDraft("Mohon dibaca", ["Sudah dibaca"], null, null, "tester"));
        var chat = bot.App.Chat("web-session-002");
        await chat.SayAsync("/dataku");

        await chat.PressAsync(BroadcastMessage.ButtonValue(id, 0));
        Assert.Contains("sudah kami catat", chat.LastText, StringComparison.Ordinal);
        await chat.PressAsync(BroadcastMessage.ButtonValue(id, 0));

        var stats = await bot.StatisticsAsync(id);
        Assert.Equal(1, stats.Responded);
        Assert.Equal(1, stats.ClicksByButton["Sudah dibaca"]);
        await bot.App.Chat("stranger-session").PressAsync(BroadcastMessage.ButtonValue(id, 0));
        Assert.Equal(1, (await bot.StatisticsAsync(id)).Responded);
    }

    [Fact]
    public async Task The_broadcast_http_api_creates_previews_sends_and_reports()
    {
        await using var bot = new OutboxFixture();
        await bot.AddPersonAsync("api-1", channel: "web", province: "Jambi");
        await bot.AddPersonAsync("api-2", channel: "web", province: "Maluku");
        var http = await bot.App.CreateSignedInClientAsync();

        var created = await http.PostAsJsonAsync("/api/broadcasts", new { text = "Halo Jambi", buttons = new[] { "Sudah dibaca" }, audience = new { provinces = new[] { "Jambi" } } });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<BroadcastStatistics>())!.BroadcastId;
        var preview = await (await http.PostAsync($"/api/broadcasts/{id}/preview", null)).Content.ReadFromJsonAsync<BroadcastPreview>();
        Assert.Equal(1, preview!.Audience);
        var sent = await (await http.PostAsync($"/api/broadcasts/{id}/send", null)).Content.ReadFromJsonAsync<BroadcastStatistics>();
        Assert.Equal((1, 1), (sent!.Targeted, sent.Pending));
        await bot.Dispatcher.DispatchOnceAsync(CancellationToken.None);
        var status = await http.GetFromJsonAsync<BroadcastStatistics>($"/api/broadcasts/{id}");
        Assert.Equal(1, status!.Sent);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await http.PostAsync($"/api/broadcasts/{id}/send", null)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await http.PostAsJsonAsync("/api/broadcasts", new { text = "" })).StatusCode);
    }
}
