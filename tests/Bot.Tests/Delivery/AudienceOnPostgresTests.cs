using AsnBot.Bot.Tests.Support;
using AsnBot.Broadcasts;
using AsnBot.Knowledge.Demo;
using AsnBot.Knowledge.LearningHours;
using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Profiles;
using AsnBot.Knowledge.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsnBot.Bot.Tests.Delivery;

/// <summary>The audience SQL is hand-written; on PostgreSQL (uuid keys, quoted names, numeric JP) it picks the same people.</summary>
[Collection(PostgresTests.Name)]
[Trait("Category", "EndToEnd")]
public sealed class AudienceOnPostgresTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Gap_and_jp_filters_count_and_enqueue_the_same_people_on_PostgreSQL_in_batches()
    {
        await using var app = BotApp.OnPostgres(await postgres.Server.CreateDatabaseAsync());
        var now = DateTimeOffset.UtcNow;
        var year = IndonesianTimeZone.WIT.ToLocal(now).Year;
        async Task<Guid> PersonAsync(string address, int m3Gap, decimal jp, string channel = "web")
        {
            var person = new Person
            {
                Nip = "1985031220100110" + address[^2..], FullName = "Orang " + address, Agency = "Pemerintah Kota Ambon", Unit = "Dinas Kesehatan",
                Position = "Analis", JobLevel = "administrator", Province = "Maluku", City = "Kota Ambon", TimeZone = IndonesianTimeZone.WIT,
                RegisteredAt = now, UpdatedAt = now,
            };
            await app.QueryAsync(db =>
            {
                db.Add(person);
                db.Add(new ChannelAccount { PersonId = person.Id, Channel = channel, Address = address, LinkedAt = now });
                db.Add(new NeedsSurvey
                {
                    PersonId = person.Id, JobLevel = "administrator", StartedAt = now.AddDays(-1), CompletedAt = now.AddDays(-1),
                    Ratings = [new CompetencyRating { CompetencyCode = "M.3", CurrentLevel = 3 - m3Gap, RequiredLevel = 3 }],
                });
                db.Add(new LearningHoursEntry
                {
                    PersonId = person.Id, Year = year, LearnedOn = new DateOnly(year, 1, 1), PathCode = "KL03", Title = "Pelatihan", Jp = jp,
                    SourceRef = "test:" + address, RecordedAt = now,
                });
                return db.SaveChangesAsync();
            });
            return person.Id;
        }

        var match1 = await PersonAsync("pg-01", m3Gap: 2, jp: 8m);
        var match2 = await PersonAsync("pg-02", m3Gap: 2, jp: 19.5m, channel: "telegram");
        await PersonAsync("pg-03", m3Gap: 2, jp: 20m);
        await PersonAsync("pg-04", m3Gap: 1, jp: 0.5m);
        var match3 = await PersonAsync("pg-05", m3Gap: 2, jp: 4m);

        await using var scope = app.Services.CreateAsyncScope();
        var broadcasts = scope.ServiceProvider.GetRequiredService<BroadcastService>();
        var filter = new AudienceFilter { Gaps = new Dictionary<string, int> { ["M.3"] = 2 }, IsBelowJpTarget = true };
        var id = await broadcasts.CreateAsync(new BroadcastDraft("Kelas komunikasi", null, filter, null, "tester"), CancellationToken.None);

        var preview = await broadcasts.PreviewAsync(id, CancellationToken.None);
        Assert.Equal((3, 2, 1), (preview.Audience, preview.ByChannel["web"], preview.ByChannel["telegram"]));

        var window = scope.ServiceProvider.GetRequiredService<DeliveryWindow>();
        Assert.Equal(3, await app.QueryAsync(db => BroadcastAudience.EnqueueAsync(db, id, window, now, CancellationToken.None, batchSize: 2)));
        // Again: the dedupe key adds nobody twice.
        Assert.Equal(3, await app.QueryAsync(db => BroadcastAudience.EnqueueAsync(db, id, window, now, CancellationToken.None, batchSize: 2)));
        var rows = await app.QueryAsync(db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.BroadcastId == id).ToListAsync());
        Assert.Equal(new[] { match1, match2, match3 }.Order(), rows.Select(r => r.PersonId).Order());
        Assert.All(rows, r => Assert.Equal(OutboxStatus.Pending, r.Status));
    }

    [Fact]
    public async Task A_person_with_several_accounts_gets_one_message_on_the_preferred_account_on_PostgreSQL()
    {
        await using var app = BotApp.OnPostgres(await postgres.Server.CreateDatabaseAsync());
        await PreferredAccountAudience.AssertEachPersonGetsOneRowOnTheirPreferredAccountAsync(app);
    }

    [Fact]
    public async Task Seed_demo_with_surveys_and_jp_works_on_PostgreSQL_and_feeds_the_filters()
    {
        await using var app = BotApp.OnPostgres(await postgres.Server.CreateDatabaseAsync());
        var now = DateTimeOffset.UtcNow;
        var seeded = await app.QueryAsync(db => DemoPeople.SeedAsync(db, 60, telegramChatIdsFrom: 5_000_000, force: false, now, CancellationToken.None));
        Assert.Equal((60, 60), (seeded.People, seeded.ChannelAccounts));
        Assert.Equal(60, (await DemoNeeds.SeedAsync(app.Services, now, CancellationToken.None)).Surveys);

        await using var scope = app.Services.CreateAsyncScope();
        var broadcasts = scope.ServiceProvider.GetRequiredService<BroadcastService>();
        var id = await broadcasts.CreateAsync(new BroadcastDraft("Halo", null, new AudienceFilter { IsBelowJpTarget = true }, null, "tester"), CancellationToken.None);
        Assert.InRange((await broadcasts.PreviewAsync(id, CancellationToken.None)).Audience, 1, 59);
    }
}
