using System.Net;
using AsnBot.Bot.Tests.Support;

namespace AsnBot.Bot.Tests.Observability;

public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_are_served_in_Prometheus_format_and_count_handled_updates()
    {
        await using var app = new BotApp();
        var chat = app.Chat();
        await chat.SayAsync("/start");
        await chat.PressAsync("ya");

        using var http = app.CreateClient();
        using var response = await http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        var text = await response.Content.ReadAsStringAsync();
        var handled = text.Split('\n').Single(l => l.StartsWith("asnbot_updates_handled_total{", StringComparison.Ordinal) && l.Contains("channel=\"web\"", StringComparison.Ordinal) && l.Contains("outcome=\"handled\"", StringComparison.Ordinal));
        var value = handled[(handled.IndexOf("} ", StringComparison.Ordinal) + 2)..].Split(' ')[0];
        Assert.Equal("2", value);
        Assert.Contains("asnbot_turn_duration_milliseconds_bucket", text, StringComparison.Ordinal);
    }
}
