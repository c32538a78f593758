using System.Globalization;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AsnBot.Knowledge.Demo;

public sealed record DemoSeedResult(int People, int ChannelAccounts, bool WasRefused);

/// <summary>
/// Fictional, realistic registered civil servants for demos and benchmarks: valid NIPs,
/// Indonesian names, agencies, units and job levels in the five source regions. Written with
/// one prepared statement per table inside one transaction, so 100,000 take seconds.
/// </summary>
public static class DemoPeople
{
    private sealed record Region(string Province, string City, IndonesianTimeZone Zone, string[] Agencies);

    private static readonly Region[] Regions =
    [
        new("Maluku", "Kota Ambon", IndonesianTimeZone.WIT, ["Pemerintah Kota Ambon", "Pemerintah Provinsi Maluku"]),
        new("Jawa Tengah", "Kota Semarang", IndonesianTimeZone.WIB, ["Pemerintah Kota Semarang", "Kecamatan Candisari"]),
        new("Jambi", "Kota Jambi", IndonesianTimeZone.WIB, ["Pemerintah Kota Jambi", "Pemerintah Provinsi Jambi"]),
        new("Sumatera Utara", "Kota Medan", IndonesianTimeZone.WIB, ["Pemerintah Kota Medan", "Pemerintah Provinsi Sumatera Utara"]),
        new("Lampung", "Kabupaten Lampung Selatan", IndonesianTimeZone.WIB, ["Pemerintah Kabupaten Lampung Selatan"]),
    ];

    private static readonly string[] Units =
    [
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "Dinas Kesehatan", "Dinas Pendidikan dan Kebudayaan",
        "Dinas Komunikasi dan Informatika", "Badan Perencanaan Pembangunan Daerah", "Dinas Kependudukan dan Pencatatan Sipil",
        "Rumah Sakit Umum Daerah", "Sekretariat Daerah", "Dinas Penanaman Modal dan PTSP", "Inspektorat",
    ];

    private static readonly (string Level, string Position)[] Jobs =
    [
        ("pelaksana", "Pengadministrasi Umum"), ("pelaksana", "Pengelola Data"), ("pelaksana", "Pengolah Data dan Informasi"),
        ("pengawas", "Kepala Subbagian Umum"), ("administrator", "Kepala Bidang"), ("jpt-pratama", "Kepala Dinas"),
        ("fungsional-pertama", "Analis Kebijakan Ahli Pertama"), ("fungsional-muda", "Perencana Ahli Muda"),
        ("fungsional-madya", "Auditor Ahli Madya"), ("terampil", "Pranata Komputer Terampil"), ("mahir", "Perawat Mahir"),
        ("penyelia", "Arsiparis Penyelia"), ("pemula", "Pengelola Layanan Pemula"),
    ];

    private static readonly string[] MaleNames = ["Budi", "Agus", "Hendra", "Rizky", "Dedi", "Fajar", "Yusuf", "Andi", "Slamet", "Bambang", "Johannes", "Marthinus", "Rahmat", "Teguh", "Imam", "Ronald"];
    private static readonly string[] FemaleNames = ["Siti", "Dewi", "Sri", "Rina", "Yuliana", "Fitri", "Nurhayati", "Maria", "Ratna", "Wulan", "Agnes", "Indah", "Lestari", "Putri", "Kartika", "Theresia"];
    private static readonly string[] FamilyNames = ["Santoso", "Wijaya", "Siregar", "Nasution", "Lubis", "Pattinama", "Latuconsina", "Saputra", "Hidayat", "Rahayu", "Simanjuntak", "Pardede", "Kusuma", "Lestari", "Harahap", "Tuasikal", "Manuputty", "Setiawan", "Purba", "Ginting"];

    /// <summary>True when the database holds people who were not seeded: then seeding needs --force.</summary>
    public static Task<bool> HoldsRealPeopleAsync(AsnBotDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<Person>().AnyAsync(p => !db.Set<SeededPerson>().Any(s => s.PersonId == p.Id), cancellationToken);
    }

    /// <param name="telegramChatIdsFrom">When set, person i gets Telegram chat id FROM + i; otherwise a web session.</param>
    public static async Task<DemoSeedResult> SeedAsync(
        AsnBotDbContext db, int count, long? telegramChatIdsFrom, bool force, DateTimeOffset now, CancellationToken cancellationToken, int seed = 2026)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!force && await HoldsRealPeopleAsync(db, cancellationToken).ConfigureAwait(false))
            return new DemoSeedResult(0, 0, WasRefused: true);

        var random = new Random(seed);
        var existing = await db.Set<Person>().CountAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var connection = db.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();
        var postgres = Outbox.OutboxSql.IsPostgres(db);
        string Sql(string text) => postgres ? Outbox.OutboxSql.ForPostgres(db, text) : text;

        await using var person = Prepare(connection, dbTransaction, Sql("""
            INSERT INTO people (Id, Nip, FullName, Agency, Unit, Position, JobLevel, Province, City, TimeZone, LessonHour, RegisteredAt, UpdatedAt)
            VALUES (@id, @nip, @name, @agency, @unit, @position, @level, @province, @city, @zone, @hour, @now, @now)
            ON CONFLICT (Nip) DO NOTHING
            """), "@id", "@nip", "@name", "@agency", "@unit", "@position", "@level", "@province", "@city", "@zone", "@hour", "@now");
        await using var account = Prepare(connection, dbTransaction, Sql("""
            INSERT INTO channel_accounts (PersonId, Channel, Address, IsReachable, LinkedAt)
            VALUES (@id, @channel, @address, TRUE, @now)
            ON CONFLICT (Channel, Address) DO NOTHING
            """), "@id", "@channel", "@address", "@now");
        await using var marker = Prepare(connection, dbTransaction,
            Sql("INSERT INTO seeded_people (PersonId, SeededAt) VALUES (@id, @now)"), "@id", "@now");

        int people = 0, accounts = 0;
        for (var i = 0; i < count; i++)
        {
            var guid = Guid.NewGuid();
            var id = guid.ToString().ToUpperInvariant();
            // SQLite keeps ids as upper-case text, PostgreSQL as uuid.
            object key = postgres ? guid : id;
            var region = Regions[i % Regions.Length];
            var job = Jobs[random.Next(Jobs.Length)];
            var female = random.Next(2) == 0;
            var name = $"{(female ? FemaleNames : MaleNames)[random.Next(16)]} {FamilyNames[random.Next(FamilyNames.Length)]}";
            Set(person, key, MakeNip(existing + i, female, random), name, region.Agencies[random.Next(region.Agencies.Length)],
                Units[random.Next(Units.Length)], job.Position, job.Level, region.Province, region.City, region.Zone.ToString(),
                6 + random.Next(4), now.UtcTicks);
            if (await person.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
                continue;
            people++;
            Set(marker, key, now.UtcTicks);
            await marker.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            var (channel, address) = telegramChatIdsFrom is { } from
                ? ("telegram", (from + i).ToString(CultureInfo.InvariantCulture))
                : ("web", "demo-" + id[..8].ToLowerInvariant() + i.ToString(CultureInfo.InvariantCulture));
            Set(account, key, channel, address, now.UtcTicks);
            accounts += await account.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new DemoSeedResult(people, accounts, WasRefused: false);
    }

    /// <summary>
    /// A valid NIP: birth date 1965-1999, TMT CPNS 20-30 years later (not in the future), the
    /// gender digit, and a sequence that with the index keeps every number distinct.
    /// </summary>
    internal static string MakeNip(int index, bool female, Random random)
    {
        var birth = new DateOnly(1965, 1, 1).AddDays(index % 12_775);
        var start = birth.AddYears(20 + (index / 12_775 % 6)).AddMonths(random.Next(12));
        if (start > new DateOnly(2025, 12, 1))
            start = new DateOnly(2025, 12, 1);
        var sequence = (index / (12_775 * 6)) % 1000 + 1;
        return string.Create(CultureInfo.InvariantCulture, $"{birth:yyyyMMdd}{start:yyyyMM}{(female ? 2 : 1)}{sequence:000}");
    }

    private static System.Data.Common.DbCommand Prepare(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var name in names)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private static void Set(System.Data.Common.DbCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i];
    }
}
