using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AsnBot.Bot.Tests.Support;

namespace AsnBot.Bot.Tests.Recommendations;

public sealed class RecommendationApiTests : IAsyncLifetime
{
    private readonly BotApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_app.DatabaseFile);
    }

    [Fact]
    public async Task Post_recommendations_answers_with_the_same_shape_as_the_command_line()
    {
        using var http = await _app.CreateSignedInClientAsync();
        using var response = await http.PostAsJsonAsync("/api/recommendations",
            new { text = "sy blm paham excel", gaps = new Dictionary<string, int> { ["M.3"] = 2 }, jobLevel = "pelaksana", top = 2 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        RecommendationJsonShape.AssertItems(json.RootElement, expectedCount: 2);
        Assert.Contains("excel", json.RootElement.GetProperty("items")[0].GetProperty("title").GetString()!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_top_out_of_range_is_refused_with_a_problem()
    {
        using var http = await _app.CreateSignedInClientAsync();
        using var response = await http.PostAsJsonAsync("/api/recommendations", new { text = "excel", top = 500 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("top must be from 1 to 50", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

/// <summary>{"items":[{"code","title","competencies":[..],"score":0.0,"reasons":[..]}]} and nothing else.</summary>
internal static class RecommendationJsonShape
{
    public static void AssertItems(JsonElement root, int expectedCount)
    {
        Assert.Equal(["items"], root.EnumerateObject().Select(p => p.Name));
        var items = root.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(expectedCount, items.Count);
        foreach (var item in items)
        {
            Assert.Equal(["code", "title", "competencies", "score", "reasons"], item.EnumerateObject().Select(p => p.Name));
            Assert.Matches("^PLT-[0-9]{3}$", item.GetProperty("code").GetString()!);
            Assert.All(item.GetProperty("competencies").EnumerateArray(), c => Assert.Matches(@"^(M\.[1-8]|SK\.1|T\.[0-9]{2})$", c.GetString()!));
            Assert.Equal(JsonValueKind.Number, item.GetProperty("score").ValueKind);
            Assert.NotEmpty(item.GetProperty("reasons").EnumerateArray());
        }
    }
}
