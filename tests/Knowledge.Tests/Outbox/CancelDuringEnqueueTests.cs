using System.Globalization;
using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Profiles;
using AsnBot.Knowledge.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AsnBot.Knowledge.Tests.Outbox;

/// <summary>On PostgreSQL a broadcast is written two batches at a time; a cancel arriving meanwhile must still leave nothing to send.</summary>
public sealed class CancelDuringEnqueueTests(ProviderDatabases databases) : IClassFixture<ProviderDatabases>
{
    [Fact]
    public async Task A_cancel_while_a_batch_is_being_written_on_PostgreSQL_waits_for_it_and_cancels_its_rows_too()
    {
        await using var database = await databases.CreateAsync(ProviderDatabases.Postgres);
        var now = DateTimeOffset.UtcNow;
        long id;
        Guid first;
        await using (var db = database.Open())
        {
            var people = Enumerable.Range(0, 12).Select(i => new Person
            {
                Nip = (198001012005012000L + i).ToString(CultureInfo.InvariantCulture), FullName = "Pegawai " + i, Agency = "Pemerintah Kota Ambon",
                Unit = "Inspektorat", Position = "Auditor", JobLevel = "fungsional-muda", Province = "Maluku", City = "Kota Ambon",
                TimeZone = IndonesianTimeZone.WIT, RegisteredAt = now, UpdatedAt = now,
            }).ToList();
            db.AddRange(people);
            db.AddRange(people.Select((p, i) => new ChannelAccount { PersonId = p.Id, Channel = "telegram", Address = (7000 + i).ToString(CultureInfo.InvariantCulture), LinkedAt = now }));
            var broadcast = new Broadcast { Text = "Apel pagi", CreatedBy = "tester", CreatedAt = now, UpdatedAt = now };
            db.Add(broadcast);
            await db.SaveChangesAsync();
            (id, first) = (broadcast.Id, people.Min(p => p.Id));
        }

        // Someone editing the first person holds their row, so the first batch stalls on its foreign-key check mid-write.
        await using var db1 = database.Open();
        await using var editor = new NpgsqlConnection(db1.Database.GetConnectionString());
        await editor.OpenAsync();
        await using var edit = await editor.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand("SELECT 1 FROM people WHERE \"Id\" = @id FOR UPDATE", editor, edit))
        {
            hold.Parameters.AddWithValue("id", first);
            await hold.ExecuteScalarAsync();
        }
        // Activity is read outside any transaction, which would keep showing what it read first.
        await using var observer = new NpgsqlConnection(db1.Database.GetConnectionString());
        await observer.OpenAsync();
        var window = new DeliveryWindow(QuietHours.None, IsWeekendSilent: false);
        var enqueue = BroadcastAudience.EnqueueAsync(db1, id, window, now, CancellationToken.None, batchSize: 4);
        await WaitForLockWaitsAsync(observer, "INSERT INTO outbox_messages%");

        await using var db2 = database.Open();
        var cancel = OutboxStore.CancelBroadcastAsync(db2, id, now, CancellationToken.None);
        await WaitForLockWaitsAsync(observer, "UPDATE broadcasts%");
        await edit.RollbackAsync();
        await Task.WhenAll(enqueue, cancel);

        await using var check = database.Open();
        var statuses = await check.Set<OutboxMessage>().AsNoTracking().Where(m => m.BroadcastId == id).Select(m => m.Status).ToListAsync();
        Assert.NotEmpty(statuses);
        Assert.All(statuses, status => Assert.Equal(OutboxStatus.Cancelled, status));
        Assert.Equal(BroadcastStatus.Cancelled, (await check.Set<Broadcast>().AsNoTracking().SingleAsync(b => b.Id == id)).Status);
    }

    /// <summary>Waits (bounded) until a statement of this database starting with <paramref name="statement"/> waits on a lock.</summary>
    private static async Task WaitForLockWaitsAsync(NpgsqlConnection observer, string statement)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            await using var command = new NpgsqlCommand(
                "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE @statement", observer);
            command.Parameters.AddWithValue("statement", statement);
            if ((long)(await command.ExecuteScalarAsync())! > 0)
                return;
            await Task.Delay(50);
        }
        throw new TimeoutException($"No statement like '{statement}' came to wait on a lock within 30 s.");
    }
}
