using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Profiles;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Knowledge.Tests.Support;

/// <summary>A real, migrated SQLite file of the test's own, deleted afterwards.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"asnbot-knowledge-{Guid.NewGuid():N}.db");
    private int _people;

    private TestDatabase()
    {
    }

    public static async Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase();
        await using var db = database.Open();
        await db.Database.MigrateAsync();
        return database;
    }

    public AsnBotDbContext Open() =>
        new SqliteAsnBotDbContext(new DbContextOptionsBuilder<SqliteAsnBotDbContext>().UseSqlite($"Data Source={_file}").Options);

    /// <summary>A registered person to hang rows on, with a NIP of their own in this database (the last three digits count the people added).</summary>
    public async Task<Person> AddPersonAsync(IndonesianTimeZone zone = IndonesianTimeZone.WIB, string agency = "Pemerintah Kota Medan")
    {
        await using var db = Open();
        var person = new Person
        {
            Nip = "198001012005011" + Interlocked.Increment(ref _people).ToString("000", System.Globalization.CultureInfo.InvariantCulture),
            FullName = "Andi Siregar",
            Agency = agency,
            Unit = "Dinas Komunikasi dan Informatika",
            Position = "Pranata Komputer",
            JobLevel = "fungsional-pertama",
            Province = "Sumatera Utara",
            City = "Kota Medan",
            TimeZone = zone,
        };
        db.Add(person);
        await db.SaveChangesAsync();
        return person;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(_file + suffix);
        return ValueTask.CompletedTask;
    }
}
