using System.Text.Json;
using AsnBot.Bot.Tests.Support;
using AsnBot.Knowledge.Profiles;
using Microsoft.Data.Sqlite;

namespace AsnBot.Bot.Tests.Evaluation;

/// <summary>The real program as a coordinator runs it: mentoring pair and list, evaluation results.</summary>
[Trait("Category", "EndToEnd")]
public sealed class EvaluationCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("asnbot-cli-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private string Database => Path.Combine(_folder, "test.db");

    [Fact]
    public async Task A_coordinator_pairs_from_the_command_line_lists_the_pair_and_reads_a_trainings_results_as_json()
    {
        await using (var app = new BotApp(Database))
        {
            _ = app.Server;
            await app.QueryAsync(db =>
            {
                foreach (var (nip, name) in new[] { ("197909092005011008", "Frans Latumahina"), ("199303032019011004", "Rahmat Hidayat") })
                {
                    db.Add(new Person
                    {
                        Nip = nip, FullName = name, Agency = "Pemerintah Kota Ambon", Unit = "Bagian Umum", Position = "Pengadministrasi", JobLevel = "pelaksana",
                        Province = "Maluku", City = "Kota Ambon", TimeZone = IndonesianTimeZone.WIT,
                    });
                }
                return db.SaveChangesAsync();
            });
        }

        var (paired, output, _) = await RunAsync("mentoring", "pair", "--mentor", "19790909 200501 1 008", "--mentee", "199303032019011004", "--every", "7", "--first", "2030-01-07");
        Assert.Equal(0, paired);
        Assert.Contains("every 7 days from 2030-01-07", output, StringComparison.Ordinal);

        var (listed, list, _) = await RunAsync("mentoring", "list", "--json");
        Assert.Equal(0, listed);
        var pair = Assert.Single(JsonDocument.Parse(list).RootElement.EnumerateArray());
        Assert.Equal(("Frans Latumahina", "Rahmat Hidayat", 7), (pair.GetProperty("mentor").GetString(), pair.GetProperty("mentee").GetString(), pair.GetProperty("everyDays").GetInt32()));

        var (evaluated, results, _) = await RunAsync("evaluation", "results", "--training", "PLT-021", "--json");
        Assert.Equal(0, evaluated);
        var json = JsonDocument.Parse(results).RootElement;
        Assert.Equal("Pelatihan Komunikasi Pelayanan Publik dan Penanganan Pengaduan", json.GetProperty("trainingTitle").GetString());
        Assert.Equal(0, json.GetProperty("reaction").GetProperty("asked").GetInt32());
    }

    private Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] args) =>
        BotProcess.RunCommandAsync(Database, _folder, args);
}
