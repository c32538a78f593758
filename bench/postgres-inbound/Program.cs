// Inbound Telegram webhook updates on PostgreSQL, first with one AsnBot process, then with two
// processes on the same database: the simulated users of the telegram-webhook benchmark walk
// through registration, and each person's updates go alternately to the instances, as a load
// balancer without sticky sessions would send them. Every bot is a real 'dotnet AsnBot.dll serve'
// on loopback (like the scale-out tests), its replies go to the stub Bot API; each webhook POST is
// timed from send to 200. Each run gets a fresh database on one PostgreSQL server of the
// benchmark's own.
// Usage: bench/run postgres-inbound [--users 100] [--concurrency 16]
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using AsnBot.Bench.PostgresInbound;
using AsnBot.Bench.TelegramWebhook;
using AsnBot.EndToEnd.Tests.ScaleOut;
using AsnBot.TestPeers.Postgres;
using Npgsql;

var users = Option(args, "--users", 100);
var concurrency = Option(args, "--concurrency", 16);
const int warmUpUsers = 16;
const string secret = "bench-postgres-inbound-secret";

await using var postgres = await PostgresServer.StartAsync();
await using var telegram = await StubBotApi.StartAsync();
var one = await RunAsync(instanceCount: 1, firstUser: 0);
var two = await RunAsync(instanceCount: 2, firstUser: 1_000_000);
var summary = new JsonObject
{
    ["benchmark"] = "postgres-inbound",
    ["one_instance"] = one.Figures,
    ["two_instances"] = two.Figures,
    ["users"] = users,
    ["updates_per_user"] = RegistrationWalk.UpdatesPerUser,
    ["concurrency"] = concurrency,
    ["cores"] = Environment.ProcessorCount,
    ["replies_to"] = "stub Bot API (loopback HTTP)",
};
Console.WriteLine(summary.ToJsonString());
return one.IsComplete && two.IsComplete ? 0 : 1;

async Task<(JsonObject Figures, bool IsComplete)> RunAsync(int instanceCount, int firstUser)
{
    var connectionString = await postgres.CreateDatabaseAsync();
    var ports = Enumerable.Range(0, instanceCount).Select(_ => BotInstance.FreePort()).ToList();
    var settings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:AsnBot"] = connectionString,
        ["Telegram:BotToken"] = telegram.Token,
        ["Telegram:ApiBaseUrl"] = telegram.BaseUrl.ToString(),
        ["Telegram:Mode"] = "Webhook",
        ["Telegram:WebhookUrl"] = $"http://127.0.0.1:{ports[0]}/api/telegram/update",
        ["Telegram:WebhookSecret"] = secret,
        ["Scheduler:QuietHours"] = "",
        // The simulated users type faster than people; flood protection is measured elsewhere.
        ["Flood:MaxMessages"] = "10000",
    };
    await BotInstance.RunCommandAsync(settings, "migrate");
    var instances = new List<BotInstance>();
    try
    {
        // One after the other: the first provisions the clustered scheduler's tables, the second finds them.
        foreach (var port in ports)
            instances.Add(await BotInstance.StartAsync(settings, port));
        using var http = new HttpClient(new AlternatingInstances(instances.Select(i => i.BaseUrl).ToList())
        {
            InnerHandler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency },
        });
        http.DefaultRequestHeaders.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        var walk = new RegistrationWalk(telegram, RegistrationWalk.Over(http, new Uri(instances[0].BaseUrl, "api/telegram/update")));

        await RunUsersAsync(walk, firstUser, warmUpUsers, []);
        var latencies = new List<double>(users * RegistrationWalk.UpdatesPerUser);
        var clock = Stopwatch.StartNew();
        await RunUsersAsync(walk, firstUser + warmUpUsers, users, latencies);
        clock.Stop();

        var stopped = instances.Count(i => i.HasExited);
        var registered = await CountAsync(connectionString, "SELECT COUNT(*) FROM people") - warmUpUsers;
        latencies.Sort();
        var figures = new JsonObject
        {
            ["instances"] = instanceCount,
            ["updates"] = latencies.Count,
            ["updates_per_second"] = Math.Round(latencies.Count / clock.Elapsed.TotalSeconds, 1),
            ["p50_ms"] = Math.Round(Percentile(latencies, 0.50), 2),
            ["p99_ms"] = Math.Round(Percentile(latencies, 0.99), 2),
            ["registered"] = registered,
            ["non_2xx"] = walk.Failures,
            ["instances_stopped"] = stopped,
        };
        return (figures, registered == users && walk.Failures == 0 && stopped == 0);
    }
    finally
    {
        foreach (var instance in instances)
            await instance.DisposeAsync();
    }
}

async Task RunUsersAsync(RegistrationWalk walk, int first, int count, List<double> latencies)
{
    using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
    await Parallel.ForAsync(first, first + count, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = timeout.Token }, async (index, cancellationToken) =>
    {
        var timings = await walk.RegisterAsync(index, cancellationToken);
        lock (latencies)
            latencies.AddRange(timings);
    });
}

static async Task<long> CountAsync(string connectionString, string sql)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
}

static double Percentile(List<double> sorted, double p) =>
    sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

static int Option(string[] args, string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}
