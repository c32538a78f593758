using System.Net;
using AsnBot.Bot.Tests.Support;

namespace AsnBot.Bot.Tests.Observability;

public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_are_served_in_Prometheus_format_with_AsnBot_instruments()
    {
        await using var app = new BotApp();
        await app.Chat().SayAsync("/start");

        using var http = app.CreateClient();
        using var response = await http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("# TYPE asnbot_updates_handled_total counter", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE asnbot_turn_duration_milliseconds histogram", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_handled_message_is_counted_with_its_channel_and_outcome()
    {
        await using var app = new BotApp();
        var counted = new List<(long Value, string? Channel, string? Outcome)>();
        using var listener = HostMeter.Listen<long>(app.Services, name => name == "asnbot.updates.handled", (_, value, tags, _) =>
        {
            string? channel = null, outcome = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "channel")
                    channel = tag.Value as string;
                else if (tag.Key == "outcome")
                    outcome = tag.Value as string;
            }
            lock (counted)
                counted.Add((value, channel, outcome));
        });

        var chat = app.Chat();
        await chat.SayAsync("/start");
        await chat.PressAsync("ya");

        lock (counted)
            Assert.Equal([(1L, "web", "handled"), (1L, "web", "handled")], counted);
    }
}
