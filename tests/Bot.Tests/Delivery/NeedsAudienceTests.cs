using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AsnBot.Bot.Tests.Support;
using AsnBot.Broadcasts;
using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Surveys;
using Microsoft.Extensions.DependencyInjection;

namespace AsnBot.Bot.Tests.Delivery;

/// <summary>Audiences chosen by what people need: competency gaps from their latest survey.</summary>
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
    public async Task The_http_api_takes_gaps_by_competency_code_and_refuses_an_unknown_code_or_gap()
    {
        await using var bot = new OutboxFixture(Now);
        await SeedAsync(bot);
        var http = bot.App.CreateClient();

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

        var (created, id, createErrors) = await BotProcess.RunCommandAsync(bot.App.DatabaseFile, Path.GetTempPath(), "broadcast", "create", "--text", "Kelas komunikasi", "--gap", "m.3=2");
        Assert.True(created == 0, createErrors);
        var (previewed, json, _) = await BotProcess.RunCommandAsync(bot.App.DatabaseFile, Path.GetTempPath(), "broadcast", "preview", id.Trim());
        Assert.Equal(0, previewed);
        Assert.Equal(2, JsonDocument.Parse(json).RootElement.GetProperty("audience").GetInt32());
    }
}
