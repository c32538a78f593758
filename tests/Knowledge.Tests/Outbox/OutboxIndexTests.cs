using System.Data.Common;
using System.Globalization;
using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Profiles;
using AsnBot.Knowledge.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Knowledge.Tests.Outbox;

/// <summary>
/// The outbox keeps few and partial indexes so that writing a broadcast is cheap; these tests hold
/// the dispatcher's statements to the filters of those indexes and the dedupe to its promise, on a
/// real SQLite file and a real PostgreSQL.
/// </summary>
public sealed class OutboxIndexTests(ProviderDatabases databases) : IClassFixture<ProviderDatabases>
{
    private const string Sqlite = ProviderDatabases.Sqlite;
    private const string Postgres = ProviderDatabases.Postgres;

    [Theory]
    [InlineData(Sqlite)]
    [InlineData(Postgres)]
    public async Task The_claim_takes_due_pending_rows_in_order_from_the_partial_pending_index_alone(string provider)
    {
        await using var database = await databases.CreateAsync(provider);
        await using var db = database.Open();

        var plan = await PlanAsync(db, OutboxStore.ClaimSql(db.Database.ProviderName),
            [("@owner", "claimer"), ("@now", DateTimeOffset.UtcNow), ("@channel", "telegram"), ("@limit", 100)]);

        Assert.Contains("IX_outbox_messages_Channel_NotBefore_Id", plan, StringComparison.Ordinal);
        // The index gives (NotBefore, Id) order, so a claim reads its rows and stops, however many are due.
        Assert.DoesNotContain(provider == Sqlite ? "TEMP B-TREE" : "Sort", plan, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Sqlite)]
    [InlineData(Postgres)]
    public async Task Recovery_finds_expired_claims_through_the_partial_sending_index(string provider)
    {
        await using var database = await databases.CreateAsync(provider);
        await using var db = database.Open();
        var now = DateTimeOffset.UtcNow;

        var plan = await PlanAsync(db, OutboxStore.RecoverySql(1), [("@now", now), ("@cutoff", now.AddMinutes(-2)), ("@live0", "round-1")]);

        Assert.Contains("IX_outbox_messages_ClaimedAt", plan, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Sqlite)]
    [InlineData(Postgres)]
    public async Task Cancelling_a_broadcast_finds_its_rows_through_the_broadcast_and_person_index(string provider)
    {
        await using var database = await databases.CreateAsync(provider);
        await using var db = database.Open();
        // Ten broadcasts to 30 people, so the rows of one are a few among many pending ones, as in a real outbox.
        var now = DateTimeOffset.UtcNow;
        var broadcasts = await BroadcastsToPeopleAsync(db, broadcasts: 10, people: 30, now);
        await OutboxSql.ExecuteAsync(db, "ANALYZE", [], CancellationToken.None);

        var plan = await PlanAsync(db, OutboxStore.CancelPendingSql, [("@now", now), ("@id", broadcasts[3])]);

        Assert.Contains("IX_outbox_messages_BroadcastId_PersonId", plan, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Sqlite)]
    [InlineData(Postgres)]
    public async Task A_personal_message_key_still_refuses_a_duplicate_and_a_broadcast_holds_one_row_per_person(string provider)
    {
        await using var database = await databases.CreateAsync(provider);
        await using var db = database.Open();
        var now = DateTimeOffset.UtcNow;
        var person = Person(0, now);
        var broadcast = new Broadcast { Text = "Halo", CreatedBy = "tester", CreatedAt = now, UpdatedAt = now };
        db.AddRange(person, broadcast);
        await db.SaveChangesAsync();
        OutboxMessage Reminder() => new()
        {
            PersonId = person.Id, Channel = "telegram", Address = "1001", Kind = OutboxKind.Text, PayloadJson = """{"text":"Pengingat"}""",
            NotBefore = now, DedupeKey = "session-reminder:7:" + person.Id, CreatedAt = now, UpdatedAt = now,
        };

        Assert.Equal(1, await OutboxStore.EnqueueAsync(db, [Reminder()], CancellationToken.None));
        Assert.Equal(0, await OutboxStore.EnqueueAsync(db, [Reminder()], CancellationToken.None));

        async Task<int> InsertBroadcastRowAsync(string key) => await OutboxSql.ExecuteAsync(db, $"""
            INSERT INTO {OutboxSql.Table} (PersonId, Channel, Address, Kind, PayloadJson, NotBefore, DedupeKey, BroadcastId, Status, Attempts, CreatedAt, UpdatedAt)
            VALUES (@person, 'telegram', '1001', 'Text', @payload, @now, @key, @broadcast, 'Pending', 0, @now, @now)
            """, [("@person", person.Id), ("@payload", """{"text":"Halo"}"""), ("@now", now), ("@key", key), ("@broadcast", broadcast.Id)], CancellationToken.None);
        Assert.Equal(1, await InsertBroadcastRowAsync("broadcast:first"));
        await Assert.ThrowsAnyAsync<DbException>(() => InsertBroadcastRowAsync("broadcast:second"));
        var rows = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.PersonId == person.Id).ToListAsync();
        Assert.Equal(new long?[] { null, broadcast.Id }, rows.Select(r => r.BroadcastId).Order());

        var stray = Reminder();
        stray.DedupeKey = "broadcast-by-the-wrong-road";
        stray.BroadcastId = broadcast.Id;
        await Assert.ThrowsAsync<ArgumentException>(() => OutboxStore.EnqueueAsync(db, [stray], CancellationToken.None));
    }

    [Theory]
    [InlineData(Sqlite)]
    [InlineData(Postgres)]
    public async Task A_broadcast_written_in_many_batches_reaches_each_person_once_even_when_written_again(string provider)
    {
        const int People = 230;
        await using var database = await databases.CreateAsync(provider);
        await using var db = database.Open();
        var now = DateTimeOffset.UtcNow;
        var id = (await BroadcastsToPeopleAsync(db, broadcasts: 1, People, now, batchSize: 9))[0];

        // 230 people in batches of 9: 26 batches, on PostgreSQL two at a time on two connections; again, nobody twice.
        Assert.Equal(People, await BroadcastAudience.EnqueueAsync(db, id, Window, now, CancellationToken.None, batchSize: 9));

        var rows = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.BroadcastId == id).ToListAsync();
        var people = await db.Set<Person>().AsNoTracking().Select(p => p.Id).ToListAsync();
        Assert.Equal(people.Order(), rows.Select(r => r.PersonId).Order());
        Assert.All(rows, r => Assert.Equal(OutboxStatus.Pending, r.Status));
        Assert.All(rows, r => Assert.Equal($"broadcast:{id}:{r.PersonId}", r.DedupeKey, ignoreCase: true));
        var stored = await db.Set<Broadcast>().AsNoTracking().SingleAsync(b => b.Id == id);
        Assert.Equal((BroadcastStatus.Enqueued, People), (stored.Status, stored.Targeted));
    }

    private static readonly DeliveryWindow Window = new(QuietHours.None, IsWeekendSilent: false);

    /// <summary>People with a Telegram account each, and broadcasts to all of them, enqueued; returns the broadcast ids.</summary>
    private static async Task<IReadOnlyList<long>> BroadcastsToPeopleAsync(AsnBotDbContext db, int broadcasts, int people, DateTimeOffset now, int batchSize = BroadcastAudience.DefaultBatchSize)
    {
        var persons = Enumerable.Range(0, people).Select(i => Person(i, now)).ToList();
        db.AddRange(persons);
        db.AddRange(persons.Select((p, i) => new ChannelAccount { PersonId = p.Id, Channel = "telegram", Address = (5000 + i).ToString(CultureInfo.InvariantCulture), LinkedAt = now }));
        var added = Enumerable.Range(0, broadcasts).Select(i => new Broadcast { Text = "Rapat koordinasi " + i, CreatedBy = "tester", CreatedAt = now, UpdatedAt = now }).ToList();
        db.AddRange(added);
        await db.SaveChangesAsync();
        foreach (var broadcast in added)
            Assert.Equal(people, await BroadcastAudience.EnqueueAsync(db, broadcast.Id, Window, now, CancellationToken.None, batchSize));
        return [.. added.Select(b => b.Id)];
    }

    /// <summary>
    /// The plan the database would run. On PostgreSQL table scans, bitmap scans and sorts are
    /// priced out, as the planner itself would do on a table of 100,000 rows: what remains is an
    /// ordered index scan, possible only when the statement implies that index's filter.
    /// </summary>
    private static async Task<string> PlanAsync(AsnBotDbContext db, string sql, IEnumerable<(string Name, object? Value)> parameters)
    {
        var postgres = OutboxSql.IsPostgres(db);
        if (postgres)
        {
            foreach (var setting in new[] { "enable_seqscan", "enable_bitmapscan", "enable_sort" })
                await OutboxSql.ExecuteAsync(db, $"SET {setting} = off", [], CancellationToken.None);
        }
        await using var command = await OutboxSql.CommandAsync(db, (postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + sql, parameters, CancellationToken.None);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
            lines.Add(reader.GetString(postgres ? 0 : 3));
        return string.Join('\n', lines);
    }

    private static Person Person(int index, DateTimeOffset now) => new()
    {
        Nip = (198001012005011000L + index).ToString(CultureInfo.InvariantCulture), FullName = "Pegawai " + index, Agency = "Pemerintah Kota Medan",
        Unit = "Dinas Kesehatan", Position = "Pengadministrasi", JobLevel = "pelaksana", Province = "Sumatera Utara", City = "Kota Medan",
        TimeZone = IndonesianTimeZone.WIB, RegisteredAt = now, UpdatedAt = now,
    };
}
