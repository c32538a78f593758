using System.Globalization;
using System.Net;
using AsnBot.Bot.Tests.Support;

namespace AsnBot.Bot.Tests.Observability;

public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_are_served_in_Prometheus_format_and_count_handled_updates()
    {
        await using var app = new BotApp();
        using var http = app.CreateClient();
        var chat = app.Chat();
        await chat.SayAsync("/start");
        // Other hosts in this test process publish on the same meter name: measure the difference.
        var first = await ScrapeAsync(http);
        var before = HandledWebUpdates(first) ?? 0;
        await chat.PressAsync("ya");
        await chat.SayAsync("198503122010011003");

        // The exporter collects on scrape; poll briefly rather than assume the first scrape has it.
        var text = await ScrapeAsync(http);
        for (var attempt = 0; attempt < 50 && (HandledWebUpdates(text) ?? 0) - before < 2; attempt++)
        {
            await Task.Delay(100);
            text = await ScrapeAsync(http);
        }
        Assert.True((HandledWebUpdates(text) ?? 0) - before >= 2);
        Assert.Contains("asnbot_turn_duration_milliseconds_bucket", text, StringComparison.Ordinal);
    }

    private static async Task<string> ScrapeAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    private static double? HandledWebUpdates(string text)
    {
        var line = text.Split('\n').SingleOrDefault(l => l.StartsWith("asnbot_updates_handled_total{", StringComparison.Ordinal)
            && l.Contains("channel=\"web\"", StringComparison.Ordinal) && l.Contains("outcome=\"handled\"", StringComparison.Ordinal));
        if (line is null)
            return null;
        return double.Parse(line[(line.IndexOf("} ", StringComparison.Ordinal) + 2)..].Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
