using System.Net.Http.Json;
using AsnBot.Bot.Tests.Support;
using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Profiles;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Bot.Tests.Delivery;

public sealed class SchedulerRestartTests : IDisposable
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"asnbot-quartz-{Guid.NewGuid():N}.db");

    private BotApp Start()
    {
        var app = new BotApp(_database);
        app.Settings["Scheduler:Enabled"] = "true";
        app.Settings["Scheduler:QuietHours"] = "";
        return app;
    }

    [Fact]
    public async Task A_scheduled_broadcast_fires_in_the_next_process_from_the_persistent_job_store()
    {
        long id;
        await using (var first = Start())
        {
            await first.QueryAsync(async db =>
            {
                var person = new Person
                {
                    Nip = "198503122010011003", FullName = "Budi", Agency = "Pemkot Ambon", Unit = "BKPSDM", Position = "Analis",
                    JobLevel = "pelaksana", Province = "Maluku", City = "Kota Ambon", TimeZone = IndonesianTimeZone.WIT,
                };
                db.Add(person);
                db.Add(new ChannelAccount { PersonId = person.Id, Channel = "web", Address = "quartz-session-1" });
                return await db.SaveChangesAsync();
            });
            var http = await first.CreateSignedInClientAsync();
            // Six seconds from now on an Ambon (WIT) wall clock.
            var sendAt = DateTime.UtcNow.AddHours(9).AddSeconds(6);
            var created = await http.PostAsJsonAsync("/api/broadcasts", new { text = "Terjadwal", sendAtLocal = sendAt });
            id = (await created.Content.ReadFromJsonAsync<BroadcastStatistics>())!.BroadcastId;
            var sent = await (await http.PostAsync($"/api/broadcasts/{id}/send", null)).Content.ReadFromJsonAsync<BroadcastStatistics>();
            Assert.Equal(BroadcastStatus.Scheduled, sent!.Status);
        }
        Assert.Equal(1, await CountAsync($"SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = 'broadcast-{id}'"));

        await using var second = Start();
        _ = second.Server;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await second.QueryAsync(db => db.Set<Broadcast>().Where(b => b.Id == id).Select(b => b.Status).SingleAsync()) != BroadcastStatus.Enqueued)
        {
            Assert.True(DateTime.UtcNow < deadline, "the broadcast trigger did not fire after the restart");
            await Task.Delay(100);
        }
        Assert.Equal(1, await second.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.BroadcastId == id)));
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(_database + suffix);
    }
}
