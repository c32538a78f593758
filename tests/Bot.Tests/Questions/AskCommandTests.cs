using System.Text.Json;
using AsnBot.Bot.Tests.Support;
using Microsoft.Data.Sqlite;

namespace AsnBot.Bot.Tests.Questions;

/// <summary>The real program as an operator runs it: ask and questions list|answer.</summary>
[Trait("Category", "EndToEnd")]
public sealed class AskCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("asnbot-ask-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] args) =>
        BotProcess.RunCommandAsync(Path.Combine(_folder, "test.db"), _folder, args);

    [Theory]
    [InlineData("berapa jp minimal setahun?", "faq", "knowledge:jp-dan-hak-pengembangan/hak-20-jp")]
    [InlineData("jp sy udh brp", "feature", "dialog:jp-saya")]
    public async Task Ask_json_prints_only_the_answer_its_sources_and_its_route(string question, string route, string source)
    {
        var (exitCode, output, _) = await RunAsync("ask", "--text", question, "--json");

        Assert.Equal(0, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var json = JsonDocument.Parse(line);
        Assert.Equal(["answer", "sources", "route"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(route, json.RootElement.GetProperty("route").GetString());
        Assert.Equal(source, json.RootElement.GetProperty("sources")[0].GetString());
        Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("answer").GetString()));
    }

    [Fact]
    public async Task Questions_answer_of_an_unknown_number_is_refused_and_an_empty_desk_says_so()
    {
        var (listed, output, _) = await RunAsync("questions", "list");
        Assert.Equal(0, listed);
        Assert.Contains("No open questions.", output, StringComparison.Ordinal);

        var (answered, _, errors) = await RunAsync("questions", "answer", "42", "--text", "Jawaban");
        Assert.Equal(2, answered);
        Assert.Contains("There is no question 42.", errors, StringComparison.Ordinal);
    }
}
