using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AsnBot;
using AsnBot.Broadcasts;
using AsnBot.Knowledge;
using AsnBot.Knowledge.Demo;
using AsnBot.Knowledge.Persistence;
using AsnBot.Scheduler;
using AsnBot.TestPeers.Telegram;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// bench/run broadcast [--people 100000] [--seconds 60]
// Every message goes through the bot's own Telegram channel (TelegramSender and the Telegram.Bot
// client, over HTTP) to the fake Bot API server of tests/TestPeers on loopback. Rates and 429s are
// read from that server's call record, not from counters in the bot.
const long FirstChatId = 1_000_000;
const int MaxConcurrentSends = 16;
var people = Option("--people", 100_000);
var seconds = Option("--seconds", 60);
var database = Path.Combine(Path.GetTempPath(), $"asnbot-bench-{Guid.NewGuid():N}.db");
var results = new Dictionary<string, object>
{
    ["benchmark"] = "broadcast",
    ["sender"] = "the bot's TelegramSender (Telegram.Bot client over HTTP), one fresh fake Bot API server per dispatch phase",
    ["sink"] = "fake-telegram-server",
    ["sink_detail"] = "FakeTelegramServer from tests/TestPeers on 127.0.0.1; achieved rates, peaks and 429s come from its call record of sendMessage",
    ["people"] = people,
    ["max_concurrent_sends"] = MaxConcurrentSends,
};

try
{
    using (var host = BuildHost(limit: 0, telegram: null))
    {
        await host.Services.MigrateDatabaseAsync();
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AsnBotDbContext>();
        var watch = Stopwatch.StartNew();
        await DemoPeople.SeedAsync(db, people, telegramChatIdsFrom: FirstChatId, force: true, DateTimeOffset.UtcNow, CancellationToken.None);
        results["seed_seconds"] = Round(watch.Elapsed.TotalSeconds);
    }
    results["enqueue_seconds"] = await EnqueueBroadcastAsync();
    results["target_enqueue_under_5s"] = (double)results["enqueue_seconds"] < 5;

    foreach (var limit in new[] { 30, 1000 })
    {
        var phase = await DispatchAsync(limit, TimeSpan.FromSeconds(seconds), untilDrained: false);
        results[$"limit_{limit}_achieved_per_second"] = Round(phase.Rate);
        results[$"limit_{limit}_achieved_ratio"] = Round(phase.Rate / limit, 4);
        results[$"limit_{limit}_429s"] = phase.Throttled;
        results[$"limit_{limit}_sent"] = phase.Sent;
        results[$"limit_{limit}_window_seconds"] = Round(phase.Span);
        results[$"limit_{limit}_peak_in_1s"] = phase.PeakInOneSecond;
        results[$"limit_{limit}_over_limit_calls"] = phase.OverLimit;
        results[$"limit_{limit}_over_limit_at_seconds"] = phase.OverLimitAt;
        results[$"limit_{limit}_failed_calls"] = phase.Failed;
        results[$"target_limit_{limit}_ratio_at_least_0_98_no_429"] = phase.Rate / limit >= 0.98 && phase.Throttled == 0 && phase.OverLimit == 0;
    }

    // Limits lifted: a fresh broadcast to everyone, drained as fast as the dispatcher and the loopback HTTP path go.
    results["enqueue_again_seconds"] = await EnqueueBroadcastAsync();
    var unlimited = await DispatchAsync(0, TimeSpan.Zero, untilDrained: true);
    results["unlimited_messages_per_second"] = Round(unlimited.Rate);
    results["unlimited_sent"] = unlimited.Sent;
    results["unlimited_429s"] = unlimited.Throttled;
    results["unlimited_failed_calls"] = unlimited.Failed;
    results["unlimited_window_seconds"] = Round(unlimited.Span);
    results["target_unlimited_at_least_5000_per_second"] = unlimited.Rate >= 5000;
}
finally
{
    SqliteConnection.ClearAllPools();
    foreach (var suffix in new[] { "", "-wal", "-shm" })
        File.Delete(database + suffix);
}

Console.WriteLine(JsonSerializer.Serialize(results));
return 0;

async Task<double> EnqueueBroadcastAsync()
{
    using var host = BuildHost(limit: 0, telegram: null);
    await using var scope = host.Services.CreateAsyncScope();
    var broadcasts = scope.ServiceProvider.GetRequiredService<BroadcastService>();
    var id = await broadcasts.CreateAsync(new BroadcastDraft("Pengumuman uji beban", ["Sudah dibaca"], null, null, "bench"), CancellationToken.None);
    var watch = Stopwatch.StartNew();
    var stats = await broadcasts.SendAsync(id, CancellationToken.None);
    var elapsed = watch.Elapsed.TotalSeconds;
    if (stats.Targeted != people)
        throw new InvalidOperationException($"Expected {people} rows, got {stats.Targeted}.");
    return Round(elapsed);
}

// One dispatch phase against a fresh fake server, so its call record holds this phase's calls only.
async Task<Phase> DispatchAsync(int limit, TimeSpan duration, bool untilDrained)
{
    await using var telegram = await FakeTelegramServer.StartAsync();
    for (var i = 0; i < people; i++)
        telegram.CreateUser("Peserta", userId: FirstChatId + i);
    using var host = BuildHost(limit, telegram);
    await host.StartAsync();
    var watch = Stopwatch.StartNew();
    while (watch.Elapsed < duration)
        await Task.Delay(250);
    // Draining is checked once a second: reading the call record copies it, which costs the server a little.
    while (untilDrained && telegram.Calls("sendMessage").Count(c => c.Succeeded) < people && watch.Elapsed < TimeSpan.FromMinutes(5))
        await Task.Delay(1000);
    await host.StopAsync();
    return Measure(telegram, limit);
}

static Phase Measure(FakeTelegramServer telegram, int limit)
{
    var calls = telegram.Calls("sendMessage");
    var sent = calls.Where(c => c.Succeeded).Select(c => c.ReceivedAtUtc).Order().ToList();
    var span = sent.Count > 1 ? (sent[^1] - sent[0]).TotalSeconds : 0;
    var over = limit > 0 ? OverLimit(sent, limit) : new List<DateTime>();
    return new Phase(
        Rate: span > 0 ? (sent.Count - 1) / span : 0,
        Sent: sent.Count,
        Span: span,
        Throttled: calls.Count(c => c.StatusCode == 429),
        Failed: calls.Count(c => !c.Succeeded && c.StatusCode != 429),
        PeakInOneSecond: telegram.PeakCallsWithin(TimeSpan.FromSeconds(1), "sendMessage"),
        OverLimit: over.Count,
        OverLimitAt: [.. over.Select(t => (int)(t - sent[0]).TotalSeconds).Distinct()]);
}

// The fake does not enforce flood limits by itself; these are the calls Telegram would have
// refused: those arriving when `limit` calls had already arrived within the preceding second.
static List<DateTime> OverLimit(List<DateTime> arrivals, int limit)
{
    var over = new List<DateTime>();
    var start = 0;
    for (var end = 0; end < arrivals.Count; end++)
    {
        while (arrivals[end] - arrivals[start] >= TimeSpan.FromSeconds(1))
            start++;
        if (end - start >= limit)
            over.Add(arrivals[end]);
    }
    return over;
}

IHost BuildHost(int limit, FakeTelegramServer? telegram)
{
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = false, ContentRootPath = AppContext.BaseDirectory });
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["ConnectionStrings:AsnBot"] = $"Data Source={database}",
        ["Scheduler:Enabled"] = "false",
        ["Scheduler:QuietHours"] = "",
        // Hosts without a fake server only seed and enqueue; an empty token keeps Telegram off there.
        ["Telegram:BotToken"] = telegram?.Token ?? "",
        ["Telegram:ApiBaseUrl"] = telegram?.BaseUrl.ToString() ?? "https://api.telegram.org",
        ["Delivery:Telegram:MessagesPerSecond"] = limit.ToString(CultureInfo.InvariantCulture),
        ["Delivery:MaxConcurrentSends"] = MaxConcurrentSends.ToString(CultureInfo.InvariantCulture),
        ["Delivery:PollInterval"] = "00:00:00.050",
        ["Delivery:BatchSize"] = "2000",
        ["Content:DialogsPath"] = Path.Combine(AppContext.BaseDirectory, "dialogs"),
        ["Content:DataPath"] = Path.Combine(AppContext.BaseDirectory, "data"),
    });
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    builder.AddKnowledge();
    builder.AddScheduler();
    builder.AddBot();
    return builder.Build();
}

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

static double Round(double value, int digits = 2) => Math.Round(value, digits);

internal sealed record Phase(double Rate, int Sent, double Span, int Throttled, int Failed, int PeakInOneSecond, int OverLimit, int[] OverLimitAt);
