using AsnBot.Bot.Tests.Support;
using AsnBot.Conversations;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AsnBot.Bot.Tests.Conversations;

public sealed class FloodGuardTests
{
    [Fact]
    public void Twenty_messages_pass_the_next_is_warned_once_then_dropped_until_the_window_ends()
    {
        var clock = new FakeTimeProvider();
        var guard = new FloodGuard(Options.Create(new FloodOptions { MaxMessages = 20, WindowSeconds = 10 }), clock);
        var person = new ChannelUser("web", "someone-1");

        Assert.All(Enumerable.Range(0, 20), _ => Assert.Equal(FloodVerdict.Allowed, guard.Check(person)));
        Assert.Equal(FloodVerdict.WarnOnce, guard.Check(person));
        Assert.Equal(FloodVerdict.Drop, guard.Check(person));
        Assert.Equal(FloodVerdict.Allowed, guard.Check(new ChannelUser("web", "someone-else")));

        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(FloodVerdict.Allowed, guard.Check(person));
    }

    [Fact]
    public async Task A_flood_over_the_web_chat_is_answered_politely_once_and_not_processed()
    {
        await using var app = new BotApp();
        app.Settings["Flood:MaxMessages"] = "20";
        var chat = app.Chat();
        for (var i = 0; i < 20; i++)
            await chat.SayAsync("halo");
        Assert.NotEmpty(chat.Last);

        await chat.SayAsync("halo");
        Assert.Equal(TestDialogs.EngineTexts["flood.slow_down"], chat.LastText);
        await chat.SayAsync("halo");
        Assert.Empty(chat.Last);
    }
}
