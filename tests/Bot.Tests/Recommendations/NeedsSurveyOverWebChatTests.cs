using AsnBot.Bot.Tests.Channels.Web;
using AsnBot.Bot.Tests.Support;
using AsnBot.Knowledge.Enrollments;
using AsnBot.Knowledge.Surveys;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Bot.Tests.Recommendations;

/// <summary>The needs survey and the recommendations end to end over the web chat, on a real SQLite file.</summary>
public sealed class NeedsSurveyOverWebChatTests : IAsyncLifetime
{
    private readonly BotApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_app.DatabaseFile);
    }

    /// <summary>Rates the nine core competencies, picks T.03 and T.04 and rates them, then answers the rest.</summary>
    private static async Task FillSurveyAsync(WebChatSession chat, int communication = 1, int dataAnalysis = 2)
    {
        await chat.SayAsync("menu");
        await chat.PressAsync("survei");
        foreach (var code in new[] { "M.1", "M.2", "M.3", "M.4", "M.5", "M.6", "M.7", "M.8", "SK.1" })
            await chat.PressAsync(code == "M.3" ? communication.ToString(System.Globalization.CultureInfo.InvariantCulture) : "3");
        await chat.PressAsync("T.03");
        await chat.PressAsync("T.04");
        await chat.PressAsync("__done");
        await chat.PressAsync(dataAnalysis.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await chat.PressAsync("3");
        await chat.SayAsync("data kami berantakan, sy gak paham cara olah data utk perencanaan");
        await chat.PressAsync("daring");
        await chat.PressAsync("segera");
    }

    [Fact]
    public async Task A_completed_survey_stores_each_gap_and_a_plan_row_per_gap()
    {
        var chat = _app.Chat();
        await RegistrationOverWebChatTests.RegisterAsync(chat);
        await FillSurveyAsync(chat);

        Assert.Contains("• Komunikasi: Anda di level 1, target jabatan level 3", chat.LastText, StringComparison.Ordinal);
        var survey = await _app.QueryAsync(db => db.Set<NeedsSurvey>().Include(s => s.Ratings).Include(s => s.Plan).SingleAsync());
        Assert.Equal(11, survey.Ratings.Count);
        Assert.Equal("fungsional-muda", survey.JobLevel);
        Assert.Equal("daring", survey.PreferredMode);
        Assert.Equal("segera", survey.Availability);
        Assert.Contains("olah data", survey.Challenge, StringComparison.Ordinal);
        var communication = survey.Ratings.Single(r => r.CompetencyCode == "M.3");
        Assert.Equal((1, 3, 2), (communication.CurrentLevel, communication.RequiredLevel, communication.Gap));
        Assert.Equal(["M.3", "T.03"], survey.Plan.OrderByDescending(p => p.Gap).ThenBy(p => p.CompetencyCode, StringComparer.Ordinal).Select(p => p.CompetencyCode));
        Assert.All(survey.Plan, row => Assert.False(string.IsNullOrEmpty(row.Provider)));
        // PP 11/2017 art. 207(3): the budget, from the planned training's cost in the catalog.
        var costs = await _app.QueryAsync(db => db.Set<AsnBot.Knowledge.Catalog.Training>().ToDictionaryAsync(t => t.Code, t => t.Cost));
        Assert.All(survey.Plan, row => Assert.Equal(costs[row.TrainingCode!], row.EstimatedBudget));
        Assert.Contains(survey.Plan, row => row.EstimatedBudget is > 0);
    }

    [Fact]
    public async Task A_retaken_survey_is_a_new_one_and_the_old_one_stays_as_history()
    {
        var chat = _app.Chat();
        await RegistrationOverWebChatTests.RegisterAsync(chat);
        await FillSurveyAsync(chat, communication: 1);
        await FillSurveyAsync(chat, communication: 3);

        var surveys = await _app.QueryAsync(db => db.Set<NeedsSurvey>().Include(s => s.Ratings).OrderBy(s => s.CompletedAt).ToListAsync());
        Assert.Equal(2, surveys.Count);
        Assert.Equal([1, 3], surveys.Select(s => s.Ratings.Single(r => r.CompetencyCode == "M.3").CurrentLevel));
    }

    [Fact]
    public async Task A_survey_left_halfway_continues_at_the_same_competency_after_a_restart()
    {
        var chat = _app.Chat();
        await RegistrationOverWebChatTests.RegisterAsync(chat);
        await chat.PressAsync("survei");
        await chat.PressAsync("3");
        await chat.PressAsync("2");
        Assert.Contains("Komunikasi", chat.LastText, StringComparison.Ordinal);

        await using var restarted = new BotApp(_app.DatabaseFile);
        var again = restarted.Chat(chat.SessionId);
        await again.PressAsync("2");

        Assert.Contains("Orientasi pada Hasil", again.LastText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Daftar_minat_records_an_interest_once_dataku_lists_surveys_with_gaps_and_interests_and_hapusdata_erases_them()
    {
        var chat = _app.Chat();
        await RegistrationOverWebChatTests.RegisterAsync(chat);
        await FillSurveyAsync(chat);
        await chat.PressAsync("ya");

        Assert.Contains("Berdasarkan survei kebutuhan Anda", chat.LastText, StringComparison.Ordinal);
        var interest = chat.Last.SelectMany(r => r.Choices).First(c => c.Label == "Daftar minat");
        Assert.Contains(chat.Last.SelectMany(r => r.Choices), c => c.Label == "Lihat detail");
        var code = interest.Value["minat:".Length..];

        await chat.PressAsync("detail:" + code);
        Assert.Contains("Jadwal:", chat.LastText, StringComparison.Ordinal);
        await chat.PressAsync(interest.Value);
        Assert.Contains("sudah dicatat", chat.LastText, StringComparison.Ordinal);
        await chat.PressAsync(interest.Value);
        Assert.Contains("sudah tercatat sebelumnya", chat.LastText, StringComparison.Ordinal);

        var enrollment = await _app.QueryAsync(db => db.Set<Enrollment>().SingleAsync());
        Assert.Equal((code, EnrollmentStatus.Interest), (enrollment.TrainingCode, enrollment.Status));

        await chat.SayAsync("/dataku");
        Assert.Contains("Survei kebutuhan dan kesenjangan kompetensi:", chat.LastText, StringComparison.Ordinal);
        Assert.Contains("Komunikasi (level 1, target 3)", chat.LastText, StringComparison.Ordinal);
        Assert.Contains($"({code}): minat, sejak", chat.LastText, StringComparison.Ordinal);

        await chat.SayAsync("/hapusdata");
        await chat.PressAsync(chat.LastChoices[0]);
        Assert.Equal(0, await _app.QueryAsync(db => db.Set<NeedsSurvey>().CountAsync()));
        Assert.Equal(0, await _app.QueryAsync(db => db.Set<Enrollment>().CountAsync()));
        Assert.Equal(0, await _app.QueryAsync(db => db.Set<CompetencyRating>().CountAsync()));
    }

    [Fact]
    [Trait("Category", "EndToEnd")]
    public async Task Recommend_by_NIP_uses_the_latest_survey_of_that_person()
    {
        var chat = _app.Chat();
        await RegistrationOverWebChatTests.RegisterAsync(chat);
        await FillSurveyAsync(chat);

        var (exitCode, output, _) = await BotProcess.RunCommandAsync(_app.DatabaseFile, Path.GetTempPath(), "recommend", "--nip", "19850312 201001 1 003", "--top", "3", "--json");

        Assert.Equal(0, exitCode);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        RecommendationJsonShape.AssertItems(json.RootElement, expectedCount: 3);
        var reasons = json.RootElement.GetProperty("items").EnumerateArray().SelectMany(i => i.GetProperty("reasons").EnumerateArray()).Select(r => r.GetString()).ToList();
        Assert.Contains(reasons, r => r is "karena Anda menilai Komunikasi di level 1, target jabatan Anda level 3"
            or "karena Anda menilai Analisis Data di level 2, target jabatan Anda level 3");
    }

    [Fact]
    public async Task Typed_words_search_the_catalog_without_a_survey()
    {
        var chat = _app.Chat();
        await RegistrationOverWebChatTests.RegisterAsync(chat);
        await chat.PressAsync("rekomendasi");
        Assert.Contains("belum mengisi survei kebutuhan", chat.LastText, StringComparison.Ordinal);

        await chat.SayAsync("sy blm paham aplikasi e-office");

        Assert.Contains("Hasil pencarian", chat.LastText, StringComparison.Ordinal);
        Assert.Contains("E-Office", chat.Last[1].Text, StringComparison.Ordinal);
    }
}
