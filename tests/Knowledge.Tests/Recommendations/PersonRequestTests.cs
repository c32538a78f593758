using AsnBot.Knowledge.LearningHours;
using AsnBot.Knowledge.Recommendations;
using AsnBot.Knowledge.Tests.Support;
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
        var request = await RecommendationService.RequestForPersonAsync(check, person.Id, "excel", 3, new DateOnly(2026, 11, 2), default);

        Assert.Equal(16.5m, request!.JpThisYear);
    }
}
