using AsnBot.Knowledge.LearningHours;
using AsnBot.Knowledge.Profiles;
using AsnBot.Knowledge.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AsnBot.Knowledge.Tests.LearningHours;

public sealed class LearningHoursLedgerTests
{
    private static readonly JpConversionTable Conversion = JpConversionTable.Load(Path.Combine(RepoPaths.Data, "jp-conversion.yaml"));
    private static readonly DateOnly Day = new(2026, 11, 2);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 2, 3, 0, 0, TimeSpan.Zero));

    private static LearningActivity Lesson(Guid person, int n, DateOnly on) =>
        new(person, "MIKRO", LearningSource.MicroLearning, $"Pelajaran {n}", on, $"lesson:test:{n}");

    [Fact]
    public void The_shipped_table_covers_every_path_of_Peraturan_LAN_10_2018_and_micro_learning()
    {
        var codes = Conversion.Rules.Select(r => r.PathCode).ToHashSet();
        foreach (var n in Enumerable.Range(1, 11))
            Assert.Contains($"KL{n:00}", codes);
        foreach (var n in Enumerable.Range(1, 12))
            Assert.Contains($"NKL{n:00}", codes);
        Assert.Contains("MIKRO", codes);
        Assert.Equal(2m, Conversion.Get("NKL02").JpPerUnit);
        Assert.Equal(2m, Conversion.Get("NKL09").CapPerDay);
    }

    [Fact]
    public async Task A_classroom_training_credits_its_own_JP_and_a_mentoring_session_the_table_rate()
    {
        await using var database = await TestDatabase.CreateAsync();
        var person = await database.AddPersonAsync();
        await using var db = database.Open();
        var ledger = new LearningHoursLedger(db, Conversion, _clock);

        var training = await ledger.CreditAsync(new LearningActivity(person.Id, "KL03", LearningSource.Training, "Literasi Digital", Day, "enrollment:1", Jp: 12), default);
        var mentoring = await ledger.CreditAsync(new LearningActivity(person.Id, "NKL02", LearningSource.Mentoring, "Mentoring", Day, "mentoring:1"), default);
        await db.SaveChangesAsync();

        Assert.Equal(12m, training!.Jp);
        Assert.Equal(2m, mentoring!.Jp);
        var year = await ledger.ThisYearAsync(person.Id, default);
        Assert.Equal((2026, 14m, 6m, false), (year.Year, year.CreditedJp, year.RemainingJp, year.HasReachedTarget));
    }

    [Fact]
    public async Task Crediting_the_same_activity_twice_counts_it_once()
    {
        await using var database = await TestDatabase.CreateAsync();
        var person = await database.AddPersonAsync();
        var activity = new LearningActivity(person.Id, "NKL01", LearningSource.Coaching, "Coaching", Day, "coaching:7");
        foreach (var _ in Enumerable.Range(0, 2))
        {
            await using var db = database.Open();
            var ledger = new LearningHoursLedger(db, Conversion, _clock);
            await ledger.CreditAsync(activity, default);
            await ledger.CreditAsync(activity, default);
            await db.SaveChangesAsync();
        }

        await using var check = database.Open();
        Assert.Equal(2m, (await new LearningHoursLedger(check, Conversion, _clock).ThisYearAsync(person.Id, default)).CreditedJp);
    }

    [Fact]
    public async Task Micro_learning_is_capped_per_day_and_per_year()
    {
        await using var database = await TestDatabase.CreateAsync();
        var person = await database.AddPersonAsync();
        await using var db = database.Open();
        var ledger = new LearningHoursLedger(db, Conversion, _clock);

        // Three lessons on one day: 0.5 + 0.5, then the 1 JP daily cap leaves nothing.
        Assert.Equal(0.5m, (await ledger.CreditAsync(Lesson(person.Id, 1, Day), default))!.Jp);
        Assert.Equal(0.5m, (await ledger.CreditAsync(Lesson(person.Id, 2, Day), default))!.Jp);
        Assert.Null(await ledger.CreditAsync(Lesson(person.Id, 3, Day), default));
        await db.SaveChangesAsync();

        // Over the year at most 10 JP, however many lessons.
        for (var n = 10; n < 60; n++)
            await ledger.CreditAsync(Lesson(person.Id, n, Day.AddDays(n)), default);
        await db.SaveChangesAsync();
        Assert.Equal(10m, (await ledger.ThisYearAsync(person.Id, default)).CreditedJp);
    }

    [Fact]
    public async Task A_cap_clips_the_last_credit_to_what_is_left()
    {
        await using var database = await TestDatabase.CreateAsync();
        var person = await database.AddPersonAsync();
        await using var db = database.Open();
        var ledger = new LearningHoursLedger(db, Conversion, _clock);

        await ledger.CreditAsync(new LearningActivity(person.Id, "NKL09", LearningSource.Other, "Membaca modul", Day, "self:1", Jp: 1.5m), default);
        var second = await ledger.CreditAsync(new LearningActivity(person.Id, "NKL09", LearningSource.Other, "Membaca modul", Day, "self:2"), default);

        Assert.Equal(0.5m, second!.Jp);
    }

    [Fact]
    public async Task A_certificate_counts_only_after_the_coordinator_approves_it()
    {
        await using var database = await TestDatabase.CreateAsync();
        var person = await database.AddPersonAsync();
        await using var db = database.Open();
        var ledger = new LearningHoursLedger(db, Conversion, _clock);
        var claimed = await ledger.CreditAsync(
            new LearningActivity(person.Id, "KL08", LearningSource.Certificate, "Kursus Excel", Day, "certificate:1", Jp: 8, NeedsVerification: true), default);
        var rejected = await ledger.CreditAsync(
            new LearningActivity(person.Id, "KL06", LearningSource.Certificate, "Seminar", Day, "certificate:2", NeedsVerification: true), default);
        await db.SaveChangesAsync();

        var before = await ledger.ThisYearAsync(person.Id, default);
        Assert.Equal((0m, 2), (before.CreditedJp, before.Pending.Count));

        Assert.True(await ledger.ReviewAsync(claimed!.Id, approve: true, "koordinator@bkpsdm.go.id", default));
        Assert.True(await ledger.ReviewAsync(rejected!.Id, approve: false, "koordinator@bkpsdm.go.id", default));
        Assert.False(await ledger.ReviewAsync(claimed.Id, approve: false, "koordinator@bkpsdm.go.id", default));
        await db.SaveChangesAsync();

        var after = await ledger.ThisYearAsync(person.Id, default);
        Assert.Equal((8m, 0), (after.CreditedJp, after.Pending.Count));
    }

    [Fact]
    public async Task This_year_is_the_persons_local_year()
    {
        await using var database = await TestDatabase.CreateAsync();
        var ambon = await database.AddPersonAsync(IndonesianTimeZone.WIT);
        await using var db = database.Open();
        // 31 Dec 2026 16:00 UTC is already 1 Jan 2027 01:00 in Ambon (WIT, UTC+9).
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 31, 16, 0, 0, TimeSpan.Zero));
        var ledger = new LearningHoursLedger(db, Conversion, _clock);
        await ledger.CreditAsync(new LearningActivity(ambon.Id, "NKL02", LearningSource.Mentoring, "Mentoring", new DateOnly(2026, 12, 30), "mentoring:2026"), default);
        await db.SaveChangesAsync();

        var year = await ledger.ThisYearAsync(ambon.Id, default);
        Assert.Equal((2027, 0m), (year.Year, year.CreditedJp));
    }
}
