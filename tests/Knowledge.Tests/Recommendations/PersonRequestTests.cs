using AsnBot.Knowledge.LearningHours;
using AsnBot.Knowledge.Profiles;
using AsnBot.Knowledge.Recommendations;
using AsnBot.Knowledge.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AsnBot.Knowledge.Tests.Recommendations;

public sealed class PersonRequestTests
{
    [Fact]
    public async Task A_persons_request_counts_the_JP_credited_this_year_and_not_claims_or_last_year()
    {
        await using var database = await TestDatabase.CreateAsync();
        var person = await database.AddPersonAsync();
        var conversion = JpConversionTable.Load(Path.Combine(RepoPaths.Data, "jp-conversion.yaml"));
        await using (var db = database.Open())
        {
            var ledger = new LearningHoursLedger(db, conversion, new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 3, 0, 0, TimeSpan.Zero)));
            await ledger.CreditAsync(new LearningActivity(person.Id, "KL03", LearningSource.Training, "Literasi Digital", new DateOnly(2026, 3, 2), "enrollment:1", Jp: 16), default);
            await ledger.CreditAsync(new LearningActivity(person.Id, "MIKRO", LearningSource.MicroLearning, "Pelajaran 1", new DateOnly(2026, 10, 1), "lesson:1"), default);
            await ledger.CreditAsync(new LearningActivity(person.Id, "KL08", LearningSource.Certificate, "Kursus", new DateOnly(2026, 10, 1), "certificate:1", Jp: 8, NeedsVerification: true), default);
            await ledger.CreditAsync(new LearningActivity(person.Id, "KL03", LearningSource.Training, "Tahun lalu", new DateOnly(2025, 6, 1), "enrollment:0", Jp: 30), default);
            await db.SaveChangesAsync();
        }

        await using var check = database.Open();
        var request = await RecommendationService.RequestForPersonAsync(check, person.Id, "excel", 3, new DateTimeOffset(2026, 11, 2, 3, 0, 0, TimeSpan.Zero), default);

        Assert.Equal(16.5m, request!.JpThisYear);
    }

    [Fact]
    public async Task Half_past_midnight_on_new_years_day_in_Ambon_counts_the_new_year_there_while_Medan_still_counts_the_old_one()
    {
        await using var database = await TestDatabase.CreateAsync();
        var ambon = await database.AddPersonAsync(IndonesianTimeZone.WIT);
        var medan = await database.AddPersonAsync(IndonesianTimeZone.WIB);
        var conversion = JpConversionTable.Load(Path.Combine(RepoPaths.Data, "jp-conversion.yaml"));
        // 31 December 2026 15.30 UTC: 1 January 2027 00.30 WIT in Ambon, still 31 December 22.30 WIB in Medan.
        var now = new FakeTimeProvider(new DateTimeOffset(2026, 12, 31, 15, 30, 0, TimeSpan.Zero));
        await using (var db = database.Open())
        {
            var ledger = new LearningHoursLedger(db, conversion, now);
            foreach (var person in new[] { ambon, medan })
            {
                await ledger.CreditAsync(new LearningActivity(person.Id, "KL03", LearningSource.Training, "Pelatihan 2026", new DateOnly(2026, 6, 1), "enrollment:2026", Jp: 12), default);
                await ledger.CreditAsync(new LearningActivity(person.Id, "KL03", LearningSource.Training, "Pelatihan 2027", new DateOnly(2027, 1, 1), "enrollment:2027", Jp: 5), default);
            }
            await db.SaveChangesAsync();
        }

        await using var check = database.Open();
        var checkLedger = new LearningHoursLedger(check, conversion, now);
        Assert.Equal((2027, 5m), ((await checkLedger.ThisYearAsync(ambon.Id, default)).Year, (await checkLedger.ThisYearAsync(ambon.Id, default)).CreditedJp));
        Assert.Equal((2026, 12m), ((await checkLedger.ThisYearAsync(medan.Id, default)).Year, (await checkLedger.ThisYearAsync(medan.Id, default)).CreditedJp));
        Assert.Equal(5m, (await RecommendationService.RequestForPersonAsync(check, ambon.Id, "excel", 3, now.GetUtcNow(), default))!.JpThisYear);
        Assert.Equal(12m, (await RecommendationService.RequestForPersonAsync(check, medan.Id, "excel", 3, now.GetUtcNow(), default))!.JpThisYear);
        var everyone = await CreditedJp.Query(check, check.Set<Person>(), LocalYears.At(now.GetUtcNow())).ToDictionaryAsync(c => c.PersonId, c => c.Jp);
        Assert.Equal(new Dictionary<Guid, decimal> { [ambon.Id] = 5m, [medan.Id] = 12m }, everyone);
        var in2026 = await CreditedJp.Query(check, check.Set<Person>(), LocalYears.Same(2026)).ToDictionaryAsync(c => c.PersonId, c => c.Jp);
        Assert.Equal(new Dictionary<Guid, decimal> { [ambon.Id] = 12m, [medan.Id] = 12m }, in2026);
    }
}
