using System.Collections.Concurrent;
using AsnBot.Bot.Tests.Delivery;
using AsnBot.Bot.Tests.Support;
using AsnBot.Broadcasts;
using AsnBot.Delivery;
using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsnBot.Bot.Tests.ScaleOut;

/// <summary>Several dispatchers on one PostgreSQL database take disjoint rows (FOR UPDATE SKIP LOCKED).</summary>
[Collection(PostgresTests.Name)]
[Trait("Category", "EndToEnd")]
public sealed class PostgresOutboxClaimTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Four_claimers_on_one_PostgreSQL_outbox_at_once_never_claim_a_row_twice()
    {
        const int Rows = 2000;
        await using var app = BotApp.OnPostgres(await postgres.Server.CreateDatabaseAsync());
        app.Settings["Scheduler:QuietHours"] = "";
        var now = DateTimeOffset.UtcNow;
        var people = await ScaleOutPeople.AddAsync(app, Rows, "test");
        var added = await app.QueryAsync(db => OutboxStore.EnqueueAsync(db, [.. people.Select((p, i) => new OutboxMessage
        {
            PersonId = p.Id, Channel = "test", Address = p.Address, Kind = OutboxKind.Text, PayloadJson = """{"text":"Halo"}""",
            NotBefore = now, DedupeKey = $"claim-test:{i}", CreatedAt = now, UpdatedAt = now,
        })], CancellationToken.None));
        Assert.Equal(Rows, added);

        var claims = new ConcurrentBag<(string Owner, long Id)>();
        using var start = new ManualResetEventSlim();
        var claimers = Enumerable.Range(1, 4).Select(n => Task.Run(async () =>
        {
            var owner = $"claimer-{n}";
            start.Wait();
            while (true)
            {
                await using var scope = app.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AsnBotDbContext>();
                var claimed = await OutboxStore.ClaimAsync(db, "test", 25, owner, DateTimeOffset.UtcNow, CancellationToken.None);
                if (claimed.Count == 0)
                    return;
                foreach (var row in claimed)
                    claims.Add((owner, row.Id));
                await OutboxStore.RecordAsync(db, owner, [.. claimed.Select(c => new DeliveryOutcome.Delivered(c.Id))], DateTimeOffset.UtcNow, CancellationToken.None);
            }
        })).ToList();
        start.Set();
        await Task.WhenAll(claimers);

        var twice = claims.GroupBy(c => c.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, $"{twice.Count} rows were claimed twice, e.g. {string.Join(", ", twice.Take(5))}");
        Assert.Equal(Rows, claims.Count);
        Assert.True(claims.Select(c => c.Owner).Distinct().Count() >= 2, "only one claimer got rows: nothing ran concurrently");
        Assert.Equal(Rows, await app.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.Status == OutboxStatus.Sent && m.ClaimedBy == null)));
    }

    [Fact]
    public async Task Two_bots_dispatching_one_broadcast_from_one_PostgreSQL_send_it_once_to_each_person()
    {
        const int People = 1000;
        var database = await postgres.Server.CreateDatabaseAsync();
        var first = new ScriptedSender();
        var second = new ScriptedSender();
        await using var a = BotApp.OnPostgres(database, services => services.AddSingleton<IChannelSender>(first));
        await using var b = BotApp.OnPostgres(database, services => services.AddSingleton<IChannelSender>(second));
        foreach (var app in new[] { a, b })
        {
            app.Settings["Scheduler:QuietHours"] = "";
            app.Settings["Delivery:BatchSize"] = "20";
        }
        await ScaleOutPeople.AddAsync(a, People, "test");
        _ = b.Server;

        long id;
        await using (var scope = a.Services.CreateAsyncScope())
        {
            var broadcasts = scope.ServiceProvider.GetRequiredService<BroadcastService>();
            id = await broadcasts.CreateAsync(new BroadcastDraft("Rapat koordinasi besok pukul 09.00", ["Hadir"], null, null, "uji"), CancellationToken.None);
            await broadcasts.SendAsync(id, CancellationToken.None);
        }

        var dispatchers = new[] { a, b }.Select(app => app.Services.GetRequiredService<OutboxDispatcher>()).ToList();
        for (var round = 0; round < 500; round++)
        {
            var claimed = await Task.WhenAll(dispatchers.Select(d => d.DispatchOnceAsync(CancellationToken.None)));
            if (claimed.Sum() == 0)
                break;
        }

        var sent = first.Sent.Concat(second.Sent).Select(s => s.To.Address).ToList();
        Assert.Equal(People, sent.Count);
        Assert.Equal(People, sent.Distinct().Count());
        Assert.NotEmpty(first.Sent);
        Assert.NotEmpty(second.Sent);
        var statistics = await a.QueryAsync(db => BroadcastStatistics.ForAsync(db, id, CancellationToken.None));
        Assert.Equal((People, People), (statistics!.Targeted, statistics.Sent));
    }
}

/// <summary>Registered people written straight into the bot's database, each with one channel account.</summary>
internal static class ScaleOutPeople
{
    public static async Task<IReadOnlyList<(Guid Id, string Address)>> AddAsync(BotApp app, int count, string channel, long firstAddress = 1_000_000)
    {
        var now = DateTimeOffset.UtcNow;
        var people = Enumerable.Range(0, count).Select(i => new Person
        {
            Nip = (199001012015011000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
            FullName = $"Pegawai {i}", Agency = "Pemerintah Kota Ambon", Unit = "Dinas Kesehatan", Position = "Pengadministrasi",
            JobLevel = "pelaksana", Province = "Maluku", City = "Kota Ambon", TimeZone = IndonesianTimeZone.WIT, RegisteredAt = now, UpdatedAt = now,
        }).ToList();
        var result = people.Select((p, i) => (p.Id, (firstAddress + i).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        await app.QueryAsync(async db =>
        {
            db.AddRange(people);
            db.AddRange(result.Select(r => new ChannelAccount { PersonId = r.Id, Channel = channel, Address = r.Item2, LinkedAt = now }));
            return await db.SaveChangesAsync();
        });
        return result;
    }
}
