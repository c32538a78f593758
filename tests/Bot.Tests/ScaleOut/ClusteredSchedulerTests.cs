using System.Collections.Concurrent;
using AsnBot.Bot.Tests.Support;
using AsnBot.Broadcasts;
using AsnBot.Knowledge.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace AsnBot.Bot.Tests.ScaleOut;

/// <summary>Two bots on one PostgreSQL run one Quartz cluster: each trigger fires on one of them, once.</summary>
[Collection(PostgresTests.Name)]
[Trait("Category", "EndToEnd")]
public sealed class ClusteredSchedulerTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Two_clustered_schedulers_on_one_PostgreSQL_fire_each_trigger_once()
    {
        const int Broadcasts = 5;
        var database = await postgres.Server.CreateDatabaseAsync();
        var firings = new FiringLog();
        await using var a = Start(database);
        await using var b = Start(database);
        var schedulers = new List<IScheduler>();
        foreach (var app in new[] { a, b })
        {
            var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            scheduler.ListenerManager.AddJobListener(firings.For(scheduler.SchedulerInstanceId), []);
            schedulers.Add(scheduler);
        }
        foreach (var scheduler in schedulers)
            Assert.True((await scheduler.GetMetadata()).JobStoreClustered);
        Assert.NotEqual(schedulers[0].SchedulerInstanceId, schedulers[1].SchedulerInstanceId);
        await ScaleOutPeople.AddAsync(a, 10, "web");

        // Five broadcasts due three seconds from now on an Ambon (WIT) wall clock, the earliest zone, scheduled from either bot.
        var ids = new List<long>();
        var sendAt = DateTime.UtcNow.AddHours(9).AddSeconds(3);
        for (var i = 0; i < Broadcasts; i++)
        {
            await using var scope = (i % 2 == 0 ? a : b).Services.CreateAsyncScope();
            var service = scope.ServiceProvider.GetRequiredService<BroadcastService>();
            var id = await service.CreateAsync(new BroadcastDraft($"Pengumuman {i}", null, new AudienceFilter { Provinces = ["Maluku"] }, sendAt, "uji"), CancellationToken.None);
            await service.SendAsync(id, CancellationToken.None);
            ids.Add(id);
        }

        // Every broadcast trigger has fired, and the due-work trigger (every second) three times after that,
        // so a second firing of any trigger would have had time to happen.
        await WaitUntilAsync(() => ids.All(id => firings.Count($"broadcast-{id}") > 0));
        var dueWorkSoFar = firings.Count("due-work-every-few-minutes");
        await WaitUntilAsync(() => firings.Count("due-work-every-few-minutes") >= dueWorkSoFar + 3);

        var twice = firings.All.GroupBy(f => (f.Trigger, f.ScheduledAt)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, "fired more than once: " + string.Join(", ", twice));
        Assert.All(ids, id => Assert.Equal(1, firings.Count($"broadcast-{id}")));
        var enqueued = await a.QueryAsync(db => db.Set<Broadcast>().CountAsync(x => ids.Contains(x.Id) && x.Status == BroadcastStatus.Enqueued));
        Assert.Equal(Broadcasts, enqueued);
    }

    private static BotApp Start(string database)
    {
        var app = BotApp.OnPostgres(database);
        app.Settings["Scheduler:Enabled"] = "true";
        app.Settings["Scheduler:QuietHours"] = "";
        app.Settings["Scheduler:DueWorkInterval"] = "00:00:01";
        _ = app.Server;
        return app;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the triggers did not fire in 45 s");
            await Task.Delay(50);
        }
    }

    private sealed class FiringLog
    {
        public ConcurrentQueue<(string Instance, string Trigger, DateTimeOffset? ScheduledAt)> All { get; } = new();

        public int Count(string trigger) => All.Count(f => f.Trigger == trigger);

        public IJobListener For(string instance) => new Listener(this, instance);

        private sealed class Listener(FiringLog log, string instance) : IJobListener
        {
            public string Name => "firing-log-" + instance;

            public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
            {
                log.All.Enqueue((instance, context.Trigger.Key.Name, context.ScheduledFireTimeUtc));
                return ValueTask.CompletedTask;
            }
        }
    }
}
