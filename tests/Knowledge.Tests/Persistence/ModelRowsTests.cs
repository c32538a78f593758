using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Privacy;
using AsnBot.Knowledge.Profiles;
using AsnBot.Knowledge.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Knowledge.Tests.Persistence;

/// <summary>
/// A row inserted by <see cref="ModelRows"/> is the row SaveChanges would have written: every
/// column through the model's mapping (an enum as its name, an instant as UTC ticks, a person id
/// as the provider stores it), in the caller's transaction, with the key the database gave it.
/// </summary>
public sealed class ModelRowsTests(ProviderDatabases databases) : IClassFixture<ProviderDatabases>
{
    private static readonly DateTimeOffset RegisteredAt = new(2026, 11, 30, 8, 15, 30, 123, TimeSpan.FromHours(7));

    [Theory]
    [InlineData(ProviderDatabases.Sqlite)]
    [InlineData(ProviderDatabases.Postgres)]
    public async Task Rows_inserted_read_back_through_EF_Core_with_every_value_as_written(string provider)
    {
        await using var database = await databases.CreateAsync(provider);
        var person = NewPerson();
        var account = new ChannelAccount { PersonId = person.Id, Channel = "telegram", Address = "1001", Reference = "@pegawai", LinkedAt = RegisteredAt };
        var consent = new ConsentRecord { PersonId = person.Id, TextVersion = "2026-01", TextSha256 = new string('a', 64), Channel = "telegram", GivenAt = RegisteredAt };
        await using (var db = database.Open())
        {
            await ModelRows.InsertAsync(db, person, CancellationToken.None);
            await ModelRows.InsertAsync(db, account, CancellationToken.None);
            await ModelRows.InsertAsync(db, consent, CancellationToken.None);
            Assert.Empty(db.ChangeTracker.Entries());
        }

        await using var read = database.Open();
        var saved = await read.Set<Person>().AsNoTracking().SingleAsync();
        Assert.Equal(
            (person.Id, person.Nip, person.FullName, person.TimeZone, person.LessonHour, person.RegisteredAt.UtcTicks, person.UpdatedAt.UtcTicks),
            (saved.Id, saved.Nip, saved.FullName, saved.TimeZone, saved.LessonHour, saved.RegisteredAt.UtcTicks, saved.UpdatedAt.UtcTicks));
        Assert.Equal((person.Agency, person.Unit, person.Position, person.JobLevel, person.Province, person.City),
            (saved.Agency, saved.Unit, saved.Position, saved.JobLevel, saved.Province, saved.City));
        var savedAccount = await read.Set<ChannelAccount>().AsNoTracking().SingleAsync(c => c.PersonId == person.Id);
        Assert.Equal((account.Id, "telegram", "1001", "@pegawai", true, RegisteredAt.UtcTicks),
            (savedAccount.Id, savedAccount.Channel, savedAccount.Address, savedAccount.Reference, savedAccount.IsReachable, savedAccount.LinkedAt.UtcTicks));
        var savedConsent = await read.Set<ConsentRecord>().AsNoTracking().SingleAsync(c => c.PersonId == person.Id);
        Assert.Equal((consent.Id, "2026-01", (DateTimeOffset?)null), (savedConsent.Id, savedConsent.TextVersion, savedConsent.WithdrawnAt));
        // The time zone is stored as its name, as the model's converter writes it.
        Assert.Equal(1, await read.Database.SqlQueryRaw<int>("""SELECT COUNT(*) AS "Value" FROM people WHERE "TimeZone" = 'WITA'""").SingleAsync());
    }

    [Theory]
    [InlineData(ProviderDatabases.Sqlite)]
    [InlineData(ProviderDatabases.Postgres)]
    public async Task The_database_gives_each_new_row_its_key_and_the_entity_gets_it(string provider)
    {
        await using var database = await databases.CreateAsync(provider);
        await using var db = database.Open();
        var person = NewPerson();
        await ModelRows.InsertAsync(db, person, CancellationToken.None);

        var first = PersonalData.Entry(person.Id, "AsnBot", "Profil disimpan", RegisteredAt);
        var second = PersonalData.Entry(person.Id, "AsnBot", "Profil diperbarui", RegisteredAt);
        await ModelRows.InsertAsync(db, first, CancellationToken.None);
        await ModelRows.InsertAsync(db, second, CancellationToken.None);

        Assert.NotEqual(0, first.Id);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal("Profil diperbarui", (await db.Set<ProcessingLogEntry>().AsNoTracking().SingleAsync(e => e.Id == second.Id)).Activity);
        var keyed = PersonalData.Entry(person.Id, "AsnBot", "dengan kunci", RegisteredAt);
        keyed.Id = 42;
        await Assert.ThrowsAsync<InvalidOperationException>(() => ModelRows.InsertAsync(db, keyed, CancellationToken.None));
    }

    [Theory]
    [InlineData(ProviderDatabases.Sqlite)]
    [InlineData(ProviderDatabases.Postgres)]
    public async Task Rows_are_written_in_the_callers_transaction_and_go_with_its_rollback(string provider)
    {
        await using var database = await databases.CreateAsync(provider);
        await using (var db = database.Open())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await ModelRows.InsertAsync(db, NewPerson(), CancellationToken.None);
            Assert.Equal(1, await db.Set<Person>().CountAsync());
            await transaction.RollbackAsync();
        }

        await using var read = database.Open();
        Assert.Equal(0, await read.Set<Person>().CountAsync());
    }

    private static Person NewPerson() => new()
    {
        Nip = "198507142010012003", FullName = "Siti Rahmawati", Agency = "Pemerintah Provinsi Sulawesi Selatan", Unit = "Badan Kepegawaian Daerah",
        Position = "Analis SDM Aparatur", JobLevel = "ahli_muda", Province = "Sulawesi Selatan", City = "Kota Makassar",
        TimeZone = IndonesianTimeZone.WITA, LessonHour = 7, RegisteredAt = RegisteredAt, UpdatedAt = RegisteredAt.AddMinutes(1),
    };
}
