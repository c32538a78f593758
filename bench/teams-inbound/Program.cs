using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AsnBot;
using AsnBot.TestPeers.Teams;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

// Teams inbound under load: N conversations each send M messages to /api/messages with a
// signed token (full JWT validation), the bot runs each turn and replies through the fake
// connector. Prints acceptance latency and end-to-end throughput; the last line is JSON.
// Usage: bench/run teams-inbound [conversations=50] [messagesPerConversation=4]
var conversations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50;
var perConversation = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 4;
const string appId = "bench-app-id";

await using var botFramework = await FakeBotFramework.StartAsync();
var database = Path.Combine(Path.GetTempPath(), $"asnbot-bench-teams-{Guid.NewGuid():N}.db");
var repository = FindRepository();
var bot = BotHost.Build([
    "--urls=http://127.0.0.1:0",
    $"--ConnectionStrings:AsnBot=Data Source={database}",
    $"--Content:DialogsPath={Path.Combine(repository, "dialogs")}",
    $"--Content:DataPath={Path.Combine(repository, "data")}",
    $"--Teams:AppId={appId}",
    "--Teams:AppPassword=bench-secret",
    $"--Teams:OpenIdMetadataUrl={botFramework.OpenIdMetadataUrl}",
    $"--Teams:TokenEndpoint={botFramework.TokenEndpoint}",
    "--Logging:LogLevel:Default=Warning",
]);
await bot.StartAsync();
var endpoint = new Uri(new Uri(bot.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()), "/api/messages");
using var http = new HttpClient();
var token = botFramework.IssueToken(appId, botFramework.ServiceUrl);

// Warm-up: keys fetched, connector token fetched, JIT done.
await PostAsync(Activity("warm-up", "/bantuan", 0));
await WaitForRepliesAsync(1, TimeSpan.FromSeconds(30));

var acceptMs = new List<double>();
var clock = Stopwatch.StartNew();
await Parallel.ForEachAsync(Enumerable.Range(0, conversations), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (c, _) =>
{
    for (var m = 1; m <= perConversation; m++)
    {
        var sent = Stopwatch.StartNew();
        await PostAsync(Activity($"bench-{c}", m % 2 == 1 ? "/bantuan" : "menu", m));
        lock (acceptMs)
            acceptMs.Add(sent.Elapsed.TotalMilliseconds);
    }
});
var accepted = clock.Elapsed;
var total = conversations * perConversation;
await WaitForRepliesAsync(1 + total, TimeSpan.FromMinutes(5));
var done = clock.Elapsed;

await bot.StopAsync();
await bot.DisposeAsync();
File.Delete(database);

acceptMs.Sort();
double Percentile(double p) => acceptMs[Math.Min(acceptMs.Count - 1, (int)(p * acceptMs.Count))];
var result = new
{
    benchmark = "teams-inbound",
    conversations,
    messages = total,
    accept_p50_ms = Math.Round(Percentile(0.50), 2),
    accept_p95_ms = Math.Round(Percentile(0.95), 2),
    all_accepted_s = Math.Round(accepted.TotalSeconds, 3),
    all_answered_s = Math.Round(done.TotalSeconds, 3),
    turns_per_s = Math.Round(total / done.TotalSeconds, 1),
    connector_posts = botFramework.Calls.Count,
};
Console.WriteLine($"{total} signed activities from {conversations} conversations: accepted in {accepted.TotalSeconds:0.00} s, all answered in {done.TotalSeconds:0.00} s");
Console.WriteLine(JsonSerializer.Serialize(result));
return 0;

async Task PostAsync(JsonObject activity)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json") };
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    using var response = await http.SendAsync(request);
    if ((int)response.StatusCode != 202)
        throw new InvalidOperationException($"The bot answered {(int)response.StatusCode}.");
}

async Task WaitForRepliesAsync(int answeredActivities, TimeSpan patience)
{
    var deadline = Stopwatch.StartNew();
    while (botFramework.Calls.Select(c => c.ReplyToId).Distinct().Count() < answeredActivities)
    {
        if (deadline.Elapsed > patience)
            throw new TimeoutException("Not every activity was answered in time.");
        await Task.Delay(5);
    }
}

JsonObject Activity(string conversationId, string text, int sequence) => new()
{
    ["type"] = "message",
    ["id"] = $"{conversationId}-{sequence}",
    ["serviceUrl"] = botFramework.ServiceUrl,
    ["channelId"] = "msteams",
    ["from"] = new JsonObject { ["id"] = "29:" + conversationId, ["aadObjectId"] = Guid.NewGuid().ToString() },
    ["recipient"] = new JsonObject { ["id"] = "28:" + appId },
    ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = FakeBotFramework.TenantId },
    ["text"] = text,
};

static string FindRepository()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "AsnBot.sln")))
            return dir.FullName;
    }
    throw new InvalidOperationException("AsnBot.sln not found above " + AppContext.BaseDirectory);
}
