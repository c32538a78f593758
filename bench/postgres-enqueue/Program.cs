using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AsnBot;
using AsnBot.Broadcasts;
using AsnBot.Knowledge;
using AsnBot.Knowledge.Demo;
using AsnBot.Knowledge.Persistence;
using AsnBot.Scheduler;
using AsnBot.TestPeers;
using AsnBot.TestPeers.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// bench/run postgres-enqueue [--people 100000]: a broadcast's audience written into the outbox on PostgreSQL.
var people = args.Length > 1 && args[0] == "--people" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
await using var postgres = await PostgresServer.StartAsync();
var connectionString = await postgres.CreateDatabaseAsync();
var results = new Dictionary<string, object> { ["benchmark"] = "postgres-enqueue", ["people"] = people, ["target_seconds"] = 3 };

using var host = BuildHost();
await host.Services.MigrateDatabaseAsync();
await using (var scope = host.Services.CreateAsyncScope())
{
    var watch = Stopwatch.StartNew();
    await DemoPeople.SeedAsync(scope.ServiceProvider.GetRequiredService<AsnBotDbContext>(), people, 1_000_000, force: true, DateTimeOffset.UtcNow, CancellationToken.None);
    results["seed_seconds"] = Math.Round(watch.Elapsed.TotalSeconds, 2);
    // A long-lived database has statistics on its tables; one seeded a moment ago does not until
    // autovacuum comes round, and the planner would guess the audience's row counts.
    await scope.ServiceProvider.GetRequiredService<AsnBotDbContext>().Database.ExecuteSqlRawAsync("ANALYZE");
}
await using (var scope = host.Services.CreateAsyncScope())
{
    var broadcasts = scope.ServiceProvider.GetRequiredService<BroadcastService>();
    var id = await broadcasts.CreateAsync(new BroadcastDraft("Pengumuman uji beban", ["Sudah dibaca"], null, null, "bench"), CancellationToken.None);
    var watch = Stopwatch.StartNew();
    var statistics = await broadcasts.SendAsync(id, CancellationToken.None);
    results["enqueue_seconds"] = Math.Round(watch.Elapsed.TotalSeconds, 2);
    results["rows"] = statistics.Targeted;
}
Console.WriteLine(JsonSerializer.Serialize(results));
return 0;

IHost BuildHost()
{
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:AsnBot"] = connectionString,
        ["Scheduler:Enabled"] = "false",
        ["Delivery:Enabled"] = "false",
        ["Scheduler:QuietHours"] = "",
        ["Content:DialogsPath"] = RepoPaths.Dialogs,
        ["Content:DataPath"] = RepoPaths.Data,
    });
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    builder.AddKnowledge();
    builder.AddScheduler();
    builder.AddBot();
    return builder.Build();
}
