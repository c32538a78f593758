// Simulated Telegram users walk through registration over the webhook, concurrently, on a
// SQLite file: the bot runs in-process on real Kestrel (loopback) and its replies go to the
// fake Bot API server. Each webhook POST is timed from send to 200 (the bot answers after its
// replies went out). Replies go to a stub Bot API (answers only, the default) or, with
// --replies fake, to the test suite's validating fake server; both on loopback HTTP.
// Usage: bench/run telegram-webhook [--users 300] [--concurrency 32] [--replies stub|fake]
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text.Json.Nodes;
using AsnBot;
using AsnBot.Bench.TelegramWebhook;
using AsnBot.Channels.Telegram;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Profiles;
using AsnBot.TestPeers.Telegram;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

var users = Option(args, "--users", 300);
var concurrency = Option(args, "--concurrency", 32);
var maxWarmUpUsers = Option(args, "--max-warm-up-users", 4_800);
const string secret = "bench-secret";

var root = RepoRoot();
var database = Path.Combine(Path.GetTempPath(), $"asnbot-bench-{Guid.NewGuid():N}.db");
var replies = args.SkipWhile(a => a != "--replies").Skip(1).FirstOrDefault() ?? "stub";
await using IBotApiPeer telegram = replies == "fake"
    ? new FakeServerPeer(await FakeTelegramServer.StartAsync())
    : await StubBotApi.StartAsync();
var app = BotHost.Build([
    "--Urls=http://127.0.0.1:0",
    $"--ConnectionStrings:AsnBot=Data Source={database}",
    $"--Content:DialogsPath={Path.Combine(root, "dialogs")}",
    $"--Content:DataPath={Path.Combine(root, "data")}",
    "--Logging:LogLevel:Default=Warning",
    $"--Telegram:BotToken={telegram.Token}",
    $"--Telegram:ApiBaseUrl={telegram.BaseUrl}",
    "--Telegram:Mode=Webhook",
    "--Telegram:WebhookUrl=http://127.0.0.1:9/api/telegram/update",
    $"--Telegram:WebhookSecret={secret}",
]);
await app.StartAsync();
try
{
    var webhook = new Uri(new Uri(app.Urls.First()), TelegramWebhook.Path);
    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency });
    http.DefaultRequestHeaders.Add(TelegramWebhook.SecretHeader, secret);
    var walk = new RegistrationWalk(telegram, http, webhook);

    var warmUpUsers = await WarmUpAsync(walk, concurrency, maxWarmUpUsers);
    var latencies = new List<double>(users * RegistrationWalk.UpdatesPerUser);
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var collectionsBefore = GC.CollectionCount(0);
    var jitBefore = JitInfo.GetCompilationTime();
    var jitMethodsBefore = JitInfo.GetCompiledMethodCount();
    var clock = Stopwatch.StartNew();
    await RunUsersAsync(walk, warmUpUsers, users, concurrency, latencies);
    clock.Stop();
    // CPU of this whole process (simulated users, bot and Bot API peer) per update: unlike
    // wall-clock figures it hardly moves when other work shares the machine.
    var cpuPerUpdate = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / users / RegistrationWalk.UpdatesPerUser;
    // Bytes allocated per update (same process: users, bot and peer): hardly moved by other load at all.
    var allocatedPerUpdate = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1024.0 / users / RegistrationWalk.UpdatesPerUser;
    var collections = GC.CollectionCount(0) - collectionsBefore;
    var jitMs = (JitInfo.GetCompilationTime() - jitBefore).TotalMilliseconds;
    var jitMethods = JitInfo.GetCompiledMethodCount() - jitMethodsBefore;

    await using var scope = app.Services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<AsnBotDbContext>();
    var registered = await db.Set<Person>().CountAsync() - warmUpUsers;
    // Each user's timings were added together and in order, so a timing's place says its step of the walk.
    for (var step = 0; step < RegistrationWalk.UpdatesPerUser; step++)
    {
        var ofStep = latencies.Where((_, i) => i % RegistrationWalk.UpdatesPerUser == step).Order().ToList();
        Console.Error.WriteLine($"step {step + 1}: p50 {Percentile(ofStep, 0.5):F1} p99 {Percentile(ofStep, 0.99):F1}");
    }
    latencies.Sort();
    var summary = new JsonObject
    {
        ["updates"] = latencies.Count,
        ["updates_per_second"] = Math.Round(latencies.Count / clock.Elapsed.TotalSeconds, 1),
        ["p50_ms"] = Math.Round(Percentile(latencies, 0.50), 2),
        ["p99_ms"] = Math.Round(Percentile(latencies, 0.99), 2),
        ["cpu_ms_per_update"] = Math.Round(cpuPerUpdate, 3),
        ["allocated_kb_per_update"] = Math.Round(allocatedPerUpdate, 1),
        ["gen0_collections"] = collections,
        ["jit_ms_in_window"] = Math.Round(jitMs, 1),
        ["jit_methods_in_window"] = jitMethods,
        ["warm_up_users"] = warmUpUsers,
        ["users"] = users,
        ["registered"] = registered,
        ["concurrency"] = concurrency,
        ["non_2xx"] = walk.Failures,
        ["cores"] = Environment.ProcessorCount,
        ["replies_to"] = replies == "fake" ? "validating fake Bot API server (loopback HTTP)" : "stub Bot API (loopback HTTP)",
    };
    Console.WriteLine(summary.ToJsonString());
    return registered == users && walk.Failures == 0 ? 0 : 1;
}
finally
{
    await app.StopAsync();
    await app.DisposeAsync();
    foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(database) + "*"))
        File.Delete(file);
}

// The runtime compiles each method again, optimised, once it has been called often enough, on a
// background thread; on two cores that recompilation can take a good share of the CPU for a
// minute or more after start. Warm up in rounds until three rounds in a row compile hardly
// anything (one quiet round can be a pause of the background compiler between batches), so the
// measured window shows the cost of an update rather than the cost of starting up.
static async Task<int> WarmUpAsync(RegistrationWalk walk, int round, int maxUsers)
{
    const int settledBelowMethods = 25;
    const int quietRoundsNeeded = 3;
    var users = 0;
    var quietRounds = 0;
    while (users < maxUsers)
    {
        var methodsBefore = JitInfo.GetCompiledMethodCount();
        var jitBefore = JitInfo.GetCompilationTime();
        await RunUsersAsync(walk, users, round, round, []);
        users += round;
        var compiled = JitInfo.GetCompiledMethodCount() - methodsBefore;
        Console.Error.WriteLine($"warm-up: {users} users, {compiled} methods compiled in the last round ({(JitInfo.GetCompilationTime() - jitBefore).TotalMilliseconds:F0} ms)");
        quietRounds = compiled < settledBelowMethods ? quietRounds + 1 : 0;
        if (quietRounds == quietRoundsNeeded)
            break;
    }
    return users;
}

static async Task RunUsersAsync(RegistrationWalk walk, int first, int count, int concurrency, List<double> latencies)
{
    await Parallel.ForAsync(first, first + count, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (index, cancellationToken) =>
    {
        var timings = await walk.RegisterAsync(index, cancellationToken);
        lock (latencies)
            latencies.AddRange(timings);
    });
}

static double Percentile(List<double> sorted, double p) =>
    sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

static int Option(string[] args, string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

static string RepoRoot()
{
    for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
    {
        if (File.Exists(Path.Combine(folder.FullName, "AsnBot.sln")))
            return folder.FullName;
    }
    throw new InvalidOperationException("Run from inside the repository.");
}
