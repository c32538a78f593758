using System.Collections.Concurrent;
using AsnBot.Bot.Tests.Support;
using AsnBot.Conversations;
using AsnBot.Conversations.Engine;
using AsnBot.Delivery;
using AsnBot.Broadcasts;
using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace AsnBot.Bot.Tests.Delivery;

/// <summary>A channel the tests own: answers each send with what the test scripted for that address.</summary>
public sealed class ScriptedSender(string channel = "test") : IChannelSender
{
    public ConcurrentQueue<(ChannelUser To, Reply Reply)> Sent { get; } = new();
    public ConcurrentDictionary<string, Queue<SendResult>> Script { get; } = new(StringComparer.Ordinal);

    public string Channel => channel;

    public void Answer(string address, params SendResult[] results) => Script[address] = new Queue<SendResult>(results);

    public Task<SendResult> SendAsync(ChannelUser to, Reply reply, int fromPart, CancellationToken cancellationToken)
    {
        var result = Script.TryGetValue(to.Address, out var queue) && queue.TryDequeue(out var next) ? next : SendResult.Sent;
        if (result.Status == SendStatus.Sent)
            Sent.Enqueue((to, reply));
        return Task.FromResult(result);
    }
}

/// <summary>A bot on its own database with a fake clock and the scripted channel; nothing runs in the background.</summary>
public sealed class OutboxFixture : IAsyncDisposable
{
    public OutboxFixture(DateTimeOffset? now = null, Dictionary<string, string?>? settings = null)
    {
        Time = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero));
        App = new BotApp
        {
            ConfigureTestServices = services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Time);
                services.AddSingleton<IChannelSender>(Sender);
            },
        };
        App.Settings["Scheduler:QuietHours"] = "21:00-07:00";
        App.Settings["Delivery:RetryBaseDelay"] = "00:00:10";
        App.Settings["Delivery:MaxAttempts"] = "3";
        foreach (var (key, value) in settings ?? [])
            App.Settings[key] = value;
        _ = App.Server;
    }

    public BotApp App { get; }
    public FakeTimeProvider Time { get; }
    public ScriptedSender Sender { get; } = new();
    public OutboxDispatcher Dispatcher => App.Services.GetRequiredService<OutboxDispatcher>();

    public async Task<Guid> AddPersonAsync(
        string address, string channel = "test", IndonesianTimeZone zone = IndonesianTimeZone.WIB, string agency = "Pemerintah Kota Medan",
        string province = "Sumatera Utara", string jobLevel = "pelaksana", string unit = "Dinas Kesehatan")
    {
        var person = new Person
        {
            Nip = Random.Shared.NextInt64(100_000_000_000_000_000, 999_999_999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
            FullName = "Orang " + address, Agency = agency, Unit = unit, Position = "Pengadministrasi", JobLevel = jobLevel,
            Province = province, City = "Kota", TimeZone = zone, RegisteredAt = Time.GetUtcNow(), UpdatedAt = Time.GetUtcNow(),
        };
        await App.QueryAsync(async db =>
        {
            db.Add(person);
            db.Add(new ChannelAccount { PersonId = person.Id, Channel = channel, Address = address, LinkedAt = Time.GetUtcNow() });
            return await db.SaveChangesAsync();
        });
        return person.Id;
    }

    public async Task<long> SendBroadcastAsync(BroadcastDraft draft)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<BroadcastService>();
        var id = await service.CreateAsync(draft, CancellationToken.None);
        await service.SendAsync(id, CancellationToken.None);
        return id;
    }

    public Task<List<OutboxMessage>> RowsAsync() =>
        App.QueryAsync(db => db.Set<OutboxMessage>().AsNoTracking().OrderBy(m => m.Id).ToListAsync());

    public async Task<BroadcastStatistics> StatisticsAsync(long id) =>
        (await App.QueryAsync(db => BroadcastStatistics.ForAsync(db, id, CancellationToken.None)))!;

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(App.DatabaseFile + suffix);
    }
}
