// Simulated Telegram users walk through registration over the webhook, concurrently, on a
// SQLite file. The bot is the real program ('dotnet AsnBot.dll serve', as deployed) in a process of
// its own on loopback; its replies go to a Bot API peer in this process: a stub (answers only, the
// default) or, with --replies fake, the test suite's validating fake server; both on loopback HTTP.
// Each webhook POST is timed from send to 200 (the bot answers after its replies went out). The
// bot's own CPU, allocations and compilations are read from its /metrics, this process's (the
// users and the peer) from the runtime, so each side's share of the cores is known.
// Usage: bench/run telegram-webhook [--users 2000] [--concurrency 32] [--replies stub|fake] [--max-warm-up-seconds 300]
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text.Json.Nodes;
using AsnBot.Bench.TelegramWebhook;
using AsnBot.Channels.Telegram;
using AsnBot.EndToEnd.Tests.ScaleOut;
using AsnBot.TestPeers.Telegram;
using Microsoft.Data.Sqlite;

var users = Option(args, "--users", 2_000);
var concurrency = Option(args, "--concurrency", 32);
var longestWarmUp = TimeSpan.FromSeconds(Option(args, "--max-warm-up-seconds", 300));
const string secret = "bench-secret";

var database = Path.Combine(Path.GetTempPath(), $"asnbot-bench-{Guid.NewGuid():N}.db");
var replies = args.SkipWhile(a => a != "--replies").Skip(1).FirstOrDefault() ?? "stub";
await using IBotApiPeer telegram = replies == "fake"
    ? new FakeServerPeer(await FakeTelegramServer.StartAsync())
    : await StubBotApi.StartAsync();
var port = BotInstance.FreePort();
var bot = await BotInstance.StartAsync(new Dictionary<string, string>(StringComparer.Ordinal)
{
    ["ConnectionStrings:AsnBot"] = $"Data Source={database}",
    ["Telegram:BotToken"] = telegram.Token,
    ["Telegram:ApiBaseUrl"] = telegram.BaseUrl.ToString(),
    ["Telegram:Mode"] = "Webhook",
    ["Telegram:WebhookUrl"] = $"http://127.0.0.1:{port}{TelegramWebhook.Path}",
    ["Telegram:WebhookSecret"] = secret,
}, port);
try
{
    using var webhook = new WebhookClient(new Uri(bot.BaseUrl, TelegramWebhook.Path), TelegramWebhook.SecretHeader, secret);
    var walk = new RegistrationWalk(telegram, webhook.PostAsync);

    var warmUp = await WarmUpAsync(walk, bot, concurrency, longestWarmUp);
    var warmUpUsers = warmUp.Users;
    var machineCheck = MachineCheck();
    var latencies = new List<double>(users * RegistrationWalk.UpdatesPerUser);
    var botBefore = await BotFigures.ReadAsync(bot);
    var peerCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    await RunUsersAsync(walk, warmUpUsers, users, concurrency, latencies);
    clock.Stop();
    var peerCpu = Process.GetCurrentProcess().TotalProcessorTime - peerCpuBefore;
    var botInWindow = await BotFigures.ReadAsync(bot) - botBefore;

    var updates = (double)users * RegistrationWalk.UpdatesPerUser;
    var botCpuPerUpdate = botInWindow.CpuSeconds * 1000 / updates;
    var peerCpuPerUpdate = peerCpu.TotalMilliseconds / updates;
    var registered = await CountPeopleAsync(database) - warmUpUsers;
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
        // CPU per update: unlike wall-clock figures it hardly moves when other work shares the machine.
        ["bot_cpu_ms_per_update"] = Math.Round(botCpuPerUpdate, 3),
        ["peer_cpu_ms_per_update"] = Math.Round(peerCpuPerUpdate, 3),
        ["cpu_ms_per_update"] = Math.Round(botCpuPerUpdate + peerCpuPerUpdate, 3),
        // Bytes the bot allocated per update: hardly moved by other load at all.
        ["bot_allocated_kb_per_update"] = Math.Round(botInWindow.AllocatedBytes / 1024 / updates, 1),
        ["bot_gen0_collections"] = botInWindow.Gen0Collections,
        ["bot_jit_ms_in_window"] = Math.Round(botInWindow.JitSeconds * 1000, 1),
        ["bot_jit_methods_in_window"] = botInWindow.JitMethods,
        // SQLite's one writer: the share of the window it was held (near 1, it is what bounds the
        // rate), how much of that went to turns running writing actions, and the wait per update.
        ["bot_writer_held_ratio"] = Math.Round(botInWindow.WriterHeldSeconds / clock.Elapsed.TotalSeconds, 3),
        ["bot_writer_held_ms_per_update"] = Math.Round(botInWindow.WriterHeldSeconds * 1000 / updates, 3),
        ["bot_writer_held_by_actions_ms_per_update"] = Math.Round(botInWindow.WriterHeldByActionsSeconds * 1000 / updates, 3),
        ["bot_writer_wait_ms_per_update"] = Math.Round(botInWindow.WriterWaitedSeconds * 1000 / updates, 3),
        ["machine_check_ms"] = Math.Round(machineCheck.TotalMilliseconds, 1),
        ["warm_up_users"] = warmUpUsers,
        ["warm_up_seconds"] = Math.Round(warmUp.Duration.TotalSeconds, 1),
        ["warmed_up"] = warmUp.Settled,
        ["users"] = users,
        ["registered"] = registered,
        ["concurrency"] = concurrency,
        ["non_2xx"] = walk.Failures,
        ["bot_stopped"] = bot.HasExited,
        ["cores"] = Environment.ProcessorCount,
        ["replies_to"] = replies == "fake" ? "validating fake Bot API server (loopback HTTP)" : "stub Bot API (loopback HTTP)",
    };
    Console.WriteLine(summary.ToJsonString());
    return registered == users && walk.Failures == 0 && !bot.HasExited ? 0 : 1;
}
catch
{
    await Console.Error.WriteLineAsync(bot.Output);
    throw;
}
finally
{
    await bot.DisposeAsync();
    SqliteConnection.ClearAllPools();
    foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(database) + "*"))
        File.Delete(file);
}

// The runtime compiles each method again, optimised, once it has been called often enough, on a
// background thread that gets little of two busy cores: after start the bot keeps compiling for
// 20-30 seconds of load (tens of thousands of updates), at times half a core's worth, and a window
// measured then describes start-up rather than the running bot. Warm up in rounds long enough for
// that work to show (a short round can fall in a pause of the background compiler between
// batches) until compiling, the bot's and this process's together, took under 1% of three rounds
// in a row.
static async Task<WarmUp> WarmUpAsync(RegistrationWalk walk, BotInstance bot, int concurrency, TimeSpan longest)
{
    const double settledBelowShare = 0.01;
    const int quietRoundsNeeded = 3;
    var round = concurrency * 8;
    var users = 0;
    var quietRounds = 0;
    var clock = Stopwatch.StartNew();
    while (clock.Elapsed < longest)
    {
        var botBefore = await BotFigures.ReadAsync(bot);
        var peerBefore = JitInfo.GetCompilationTime();
        var roundClock = Stopwatch.StartNew();
        await RunUsersAsync(walk, users, round, concurrency, []);
        users += round;
        var inRound = await BotFigures.ReadAsync(bot) - botBefore;
        var compiling = inRound.JitSeconds + (JitInfo.GetCompilationTime() - peerBefore).TotalSeconds;
        var share = compiling / roundClock.Elapsed.TotalSeconds;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"warm-up: {users} users, {clock.Elapsed.TotalSeconds:F0} s; the last round compiled {inRound.JitMethods} methods in the bot, {share:P1} of its time in both processes"));
        quietRounds = share < settledBelowShare ? quietRounds + 1 : 0;
        if (quietRounds == quietRoundsNeeded)
            return new WarmUp(users, clock.Elapsed, Settled: true);
    }
    Console.Error.WriteLine($"warm-up: compiling had not settled after {longest.TotalSeconds:F0} s; the window below still includes it");
    return new WarmUp(users, clock.Elapsed, Settled: false);
}

// The same fixed work (sorting the same numbers, one thread) timed just before the window, with
// the bot idle: on a virtual machine whose cores run slower at times, it says how fast the
// machine was when the figures were taken, so a slower run of the same build can be told apart.
static TimeSpan MachineCheck()
{
    var random = new Random(20261201);
    var numbers = new int[1_000_000];
    random.NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(numbers.AsSpan()));
    var work = new int[numbers.Length];
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < 5; i++)
    {
        numbers.CopyTo(work, 0);
        Array.Sort(work);
    }
    return clock.Elapsed;
}

static async Task<long> CountPeopleAsync(string database)
{
    await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
    await connection.OpenAsync();
    await using var command = connection.CreateCommand();
    command.CommandText = "SELECT COUNT(*) FROM people";
    return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
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

internal readonly record struct WarmUp(int Users, TimeSpan Duration, bool Settled);
