using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AsnBot;
using AsnBot.Bench.Broadcast;
using AsnBot.Broadcasts;
using AsnBot.Delivery;
using AsnBot.Knowledge;
using AsnBot.Knowledge.Demo;
using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Persistence;
using AsnBot.Scheduler;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// bench/run broadcast [--people 100000] [--seconds 60]
var people = Option("--people", 100_000);
var seconds = Option("--seconds", 60);
var database = Path.Combine(Path.GetTempPath(), $"asnbot-bench-{Guid.NewGuid():N}.db");
var sink = new CountingSink(TimeProvider.System);
var results = new Dictionary<string, object>
{
    ["benchmark"] = "broadcast",
    ["sender"] = "in-process counting sink on the telegram channel (429 when over the limit per wall-clock second or 1/s per chat)",
    ["people"] = people,
};

try
{
    using (var host = BuildHost(limit: 0))
    {
        await host.Services.MigrateDatabaseAsync();
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AsnBotDbContext>();
        var watch = Stopwatch.StartNew();
        await DemoPeople.SeedAsync(db, people, telegramChatIdsFrom: 1_000_000, force: true, DateTimeOffset.UtcNow, CancellationToken.None);
        results["seed_seconds"] = Round(watch.Elapsed.TotalSeconds);
    }
    results["enqueue_seconds"] = await EnqueueBroadcastAsync();

    foreach (var limit in new[] { 30, 1000 })
    {
        var (rate, throttled) = await DispatchAsync(limit, TimeSpan.FromSeconds(seconds));
        results[$"limit_{limit}_achieved_per_second"] = Round(rate);
        results[$"limit_{limit}_achieved_ratio"] = Round(rate / limit, 4);
        results[$"limit_{limit}_429s"] = throttled;
    }

    // Limits lifted: a fresh broadcast to everyone, drained as fast as the dispatcher goes.
    results["enqueue_again_seconds"] = await EnqueueBroadcastAsync();
    var (unlimited, _) = await DispatchAsync(0, TimeSpan.FromSeconds(Math.Min(seconds, 30)), untilDrained: true);
    results["unlimited_messages_per_second"] = Round(unlimited);
    results["unlimited_sent"] = sink.SentCount;
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
    using var host = BuildHost(limit: 0);
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

async Task<(double Rate, long Throttled)> DispatchAsync(int limit, TimeSpan duration, bool untilDrained = false)
{
    sink.Reset();
    sink.LimitPerSecond = limit;
    using var host = BuildHost(limit);
    await host.StartAsync();
    var watch = Stopwatch.StartNew();
    while (watch.Elapsed < duration || (untilDrained && sink.SentCount < people && watch.Elapsed < TimeSpan.FromMinutes(5)))
        await Task.Delay(100);
    await host.StopAsync();
    var span = (sink.LastSend - sink.FirstSend).TotalSeconds;
    return (span > 0 ? (sink.SentCount - 1) / span : 0, sink.ThrottledCount);
}

IHost BuildHost(int limit)
{
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = false, ContentRootPath = AppContext.BaseDirectory });
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["ConnectionStrings:AsnBot"] = $"Data Source={database}",
        ["Scheduler:Enabled"] = "false",
        ["Scheduler:QuietHours"] = "",
        ["Delivery:Telegram:MessagesPerSecond"] = limit.ToString(CultureInfo.InvariantCulture),
        ["Delivery:PollInterval"] = "00:00:00.050",
        ["Delivery:BatchSize"] = "2000",
        ["Content:DialogsPath"] = Path.Combine(AppContext.BaseDirectory, "dialogs"),
        ["Content:DataPath"] = Path.Combine(AppContext.BaseDirectory, "data"),
    });
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    builder.AddKnowledge();
    builder.AddScheduler();
    builder.AddBot();
    builder.Services.AddSingleton<IChannelSender>(sink);
    return builder.Build();
}

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

static double Round(double value, int digits = 2) => Math.Round(value, digits);
