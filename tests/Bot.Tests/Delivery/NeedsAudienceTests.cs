using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AsnBot.Bot.Tests.Support;
using AsnBot.Broadcasts;
using AsnBot.Knowledge.LearningHours;
using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;
using AsnBot.Knowledge.Surveys;
using Microsoft.Extensions.DependencyInjection;

namespace AsnBot.Bot.Tests.Delivery;

/// <summary>Audiences chosen by what people need: competency gaps from their latest survey, JP short of 20 this year.</summary>
public sealed class NeedsAudienceTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);

    /// <summary>Five people: gaps on M.3 of 2 (latest), 1 (latest, after an older 3), none (no survey), and 2 on M.5; and one on M.3 of 3.</summary>
    private static async Task SeedAsync(OutboxFixture bot)
    {
        await SurveyAsync(bot, await bot.AddPersonAsync("m3-gap-2"), Now.AddDays(-3), ("M.3", 1, 3));
        var improved = await bot.AddPersonAsync("m3-gap-1-now");
        await SurveyAsync(bot, improved, Now.AddDays(-200), ("M.3", 1, 4));
        await SurveyAsync(bot, improved, Now.AddDays(-5), ("M.3", 2, 3), ("M.5", 3, 3));
        await bot.AddPersonAsync("no-survey");
        await SurveyAsync(bot, await bot.AddPersonAsync("m5-gap-2"), Now.AddDays(-10), ("M.3", 3, 3), ("M.5", 1, 3));
        await SurveyAsync(bot, await bot.AddPersonAsync("m3-gap-3"), Now.AddDays(-1), ("M.3", 1, 4));
    }

    internal static Task SurveyAsync(OutboxFixture bot, Guid personId, DateTimeOffset completedAt, params (string Code, int Current, int Required)[] ratings) =>
        bot.App.QueryAsync(db =>
        {
            db.Add(new NeedsSurvey
            {
                PersonId = personId, JobLevel = "pelaksana", StartedAt = completedAt.AddMinutes(-10), CompletedAt = completedAt,
                Ratings = [.. ratings.Select(r => new CompetencyRating { CompetencyCode = r.Code, CurrentLevel = r.Current, RequiredLevel = r.Required })],
            });
            return db.SaveChangesAsync();
        });

    internal static Task JpAsync(OutboxFixture bot, Guid personId, int year, decimal jp, LearningHoursStatus status = LearningHoursStatus.Credited) =>
        bot.App.QueryAsync(db =>
        {
            db.Add(new LearningHoursEntry
            {
                PersonId = personId, Year = year, LearnedOn = new DateOnly(year, 6, 1), PathCode = "KL03", Source = LearningSource.Training,
                Title = "Pelatihan Teknis", Jp = jp, Status = status, SourceRef = "test:" + Guid.NewGuid().ToString("N"), RecordedAt = Now,
            });
            return db.SaveChangesAsync();
        });

    private static async Task<string[]> AudienceAsync(OutboxFixture bot, AudienceFilter filter, int batchSize = BroadcastAudience.DefaultBatchSize)
    {
        await using var scope = bot.App.Services.CreateAsyncScope();
        var broadcasts = scope.ServiceProvider.GetRequiredService<BroadcastService>();
        var id = await broadcasts.CreateAsync(new BroadcastDraft("Pelatihan komunikasi publik dibuka", null, filter, null, "tester"), CancellationToken.None);
        var preview = await broadcasts.PreviewAsync(id, CancellationToken.None);
        var window = scope.ServiceProvider.GetRequiredService<DeliveryWindow>();
        var targeted = await bot.App.QueryAsync(db => BroadcastAudience.EnqueueAsync(db, id, window, bot.Time.GetUtcNow(), CancellationToken.None, batchSize));
        Assert.Equal(preview.Audience, targeted);
        return [.. (await bot.RowsAsync()).Where(r => r.BroadcastId == id).Select(r => r.Address).Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task A_gap_filter_reads_only_each_persons_latest_survey_and_preview_counts_the_same_people()
    {
        await using var bot = new OutboxFixture(Now);
        await SeedAsync(bot);

        Assert.Equal(["m3-gap-2", "m3-gap-3"], await AudienceAsync(bot, new AudienceFilter { Gaps = new Dictionary<string, int> { ["M.3"] = 2 } }));
        Assert.Equal(["m3-gap-3"], await AudienceAsync(bot, new AudienceFilter { Gaps = new Dictionary<string, int> { ["M.3"] = 3 } }));
        Assert.Equal(["m3-gap-1-now", "m3-gap-2", "m3-gap-3"], await AudienceAsync(bot, new AudienceFilter { Gaps = new Dictionary<string, int> { ["M.3"] = 1 } }));
    }

    [Fact]
    public async Task Several_gaps_match_anyone_with_one_of_them_and_combine_with_the_other_criteria_across_batches()
    {
        await using var bot = new OutboxFixture(Now);
        await SeedAsync(bot);
        await SurveyAsync(bot, await bot.AddPersonAsync("ambon-m5", province: "Maluku"), Now.AddDays(-2), ("M.5", 1, 4));
        var either = new Dictionary<string, int> { ["M.3"] = 2, ["M.5"] = 2 };

        Assert.Equal(["ambon-m5", "m3-gap-2", "m3-gap-3", "m5-gap-2"], await AudienceAsync(bot, new AudienceFilter { Gaps = either }, batchSize: 2));
        Assert.Equal(["ambon-m5"], await AudienceAsync(bot, new AudienceFilter { Gaps = either, Provinces = ["Maluku"] }, batchSize: 1));
    }

    [Fact]
    public async Task Below_the_jp_target_counts_credited_jp_of_each_persons_own_local_year()
    {
        // 31 Dec 2026 16:00 UTC: 23:00 in Medan (still 2026), 01:00 on 1 Jan 2027 in Ambon.
        await using var bot = new OutboxFixture(new DateTimeOffset(2026, 12, 31, 16, 0, 0, TimeSpan.Zero));
        var twelve = await bot.AddPersonAsync("medan-12");
        await JpAsync(bot, twelve, 2026, 12m);
        var twenty = await bot.AddPersonAsync("medan-20");
        await JpAsync(bot, twenty, 2026, 12.5m);
        await JpAsync(bot, twenty, 2026, 7.5m);
        var lastYear = await bot.AddPersonAsync("medan-25-last-year");
        await JpAsync(bot, lastYear, 2025, 25m);
        var pending = await bot.AddPersonAsync("medan-15-and-10-pending");
        await JpAsync(bot, pending, 2026, 15m);
        await JpAsync(bot, pending, 2026, 10m, LearningHoursStatus.PendingVerification);
        var ambon = await bot.AddPersonAsync("ambon-20-in-2026", zone: Knowledge.Profiles.IndonesianTimeZone.WIT, province: "Maluku");
        await JpAsync(bot, ambon, 2026, 20m);
        await bot.AddPersonAsync("medan-none");

        Assert.Equal(
            ["ambon-20-in-2026", "medan-12", "medan-15-and-10-pending", "medan-25-last-year", "medan-none"],
            await AudienceAsync(bot, new AudienceFilter { IsBelowJpTarget = true }, batchSize: 2));
        Assert.Equal(["ambon-20-in-2026"], await AudienceAsync(bot, new AudienceFilter { IsBelowJpTarget = true, Provinces = ["Maluku"] }));
    }

    [Fact]
    public async Task The_http_api_takes_gaps_by_competency_code_and_refuses_an_unknown_code_or_gap()
    {
        await using var bot = new OutboxFixture(Now);
        await SeedAsync(bot);
        var http = await bot.App.CreateSignedInClientAsync();

        var created = await http.PostAsJsonAsync("/api/broadcasts", new { text = "Kelas komunikasi", audience = new { gaps = new Dictionary<string, int> { ["m.3"] = 2 } } });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<BroadcastStatistics>())!.BroadcastId;
        var preview = await (await http.PostAsync($"/api/broadcasts/{id}/preview", null)).Content.ReadFromJsonAsync<BroadcastPreview>();
        Assert.Equal(2, preview!.Audience);

        var unknown = await http.PostAsJsonAsync("/api/broadcasts", new { text = "x", audience = new { gaps = new Dictionary<string, int> { ["Z.9"] = 2 } } });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Z.9", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var tooBig = await http.PostAsJsonAsync("/api/broadcasts", new { text = "x", audience = new { gaps = new Dictionary<string, int> { ["M.3"] = 5 } } });
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
    }

    [Fact]
    public async Task The_command_line_creates_a_gap_broadcast_and_previews_its_audience()
    {
        await using var bot = new OutboxFixture(Now);
        await SeedAsync(bot);
        // Of the two with a gap of 2 on M.3, one has done this year's 20 JP (the command runs on the real clock).
        var reached = await bot.App.QueryAsync(db => db.Set<ChannelAccount>().Where(c => c.Address == "m3-gap-3").Select(c => c.PersonId).SingleAsync());
        await JpAsync(bot, reached, DateTime.UtcNow.AddHours(7).Year, 20m);

        var (created, id, createErrors) = await BotProcess.RunCommandAsync(
            bot.App.DatabaseFile, Path.GetTempPath(), "broadcast", "create", "--text", "Kelas komunikasi", "--gap", "m.3=2", "--below-jp-target");
        Assert.True(created == 0, createErrors);
        var (previewed, json, _) = await BotProcess.RunCommandAsync(bot.App.DatabaseFile, Path.GetTempPath(), "broadcast", "preview", id.Trim());
        Assert.Equal(0, previewed);
        Assert.Equal(1, JsonDocument.Parse(json).RootElement.GetProperty("audience").GetInt32());
    }
}
