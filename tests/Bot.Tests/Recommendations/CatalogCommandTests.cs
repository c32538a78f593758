using System.Text.Json;
using AsnBot.Bot.Tests.Support;
using Microsoft.Data.Sqlite;

namespace AsnBot.Bot.Tests.Recommendations;

/// <summary>The real program as an operator runs it: recommend, import-catalog, export catalog.</summary>
[Trait("Category", "EndToEnd")]
public sealed class CatalogCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("asnbot-cli-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private string Database => Path.Combine(_folder, "test.db");

    [Fact]
    public async Task Recommend_json_prints_only_the_items_object_on_standard_output()
    {
        var (exitCode, output, _) = await RunAsync("recommend", "--text", "sy blm paham aplikasi e-office", "--gaps", "M.3=2,T.01=1", "--job-level", "pelaksana", "--top", "3", "--json");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        RecommendationJsonShape.AssertItems(json.RootElement, expectedCount: 3);
        Assert.Equal("PLT-003", json.RootElement.GetProperty("items")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_bad_gap_list_is_refused_with_a_sentence_naming_the_option()
    {
        var (exitCode, _, errors) = await RunAsync("recommend", "--gaps", "M.3:2");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("--gaps: 'M.3:2' must be CODE=GAP", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_file_is_reported_row_by_row_and_nothing_is_imported()
    {
        var file = Path.Combine(_folder, "bad.csv");
        await File.WriteAllTextAsync(file, string.Join("\n",
            "code,title,description,competencies,path,mode,jp,provider,keywords,certificate,session_id,start,end,place,province,online,quota",
            "NEW-1,Pelatihan Baru,Deskripsi,M.3:2,KL03,klasikal,16,BPSDM,excel,ya,NEW-1-A,2027-02-01,2027-02-02,Kota Jambi,Jambi,tidak,30",
            "NEW-2,Pelatihan Lain,Deskripsi,Z.1:2,KL03,klasikal,16,BPSDM,excel,ya,,,,,,,"));

        var (exitCode, _, errors) = await RunAsync("import-catalog", file);

        Assert.Equal(1, exitCode);
        Assert.Contains("baris 3, kolom competencies: 'Z.1' tidak ada di kamus kompetensi", errors, StringComparison.Ordinal);
        Assert.Contains("tidak ada yang diimpor", errors, StringComparison.Ordinal);
        Assert.Equal(0L, await ScalarAsync("SELECT COUNT(*) FROM trainings WHERE code LIKE 'NEW-%'"));
        Assert.Equal(88L, await ScalarAsync("SELECT COUNT(*) FROM trainings"));
    }

    [Fact]
    public async Task An_exported_catalog_with_a_new_row_imports_it_with_progress_on_standard_error()
    {
        var file = Path.Combine(_folder, "catalog.xlsx");
        Assert.Equal(0, (await RunAsync("export", "catalog", "--format", "xlsx", "--out", file)).ExitCode);
        var csv = Path.Combine(_folder, "catalog.csv");
        Assert.Equal(0, (await RunAsync("export", "catalog", "--format", "csv", "--out", csv)).ExitCode);
        await File.AppendAllTextAsync(csv, "NEW-9,Pelatihan Baru,Deskripsi,M.3:2,NKL03,daring,6,LAN,,tidak,,,,,,,,\n");

        var (exitCode, output, errors) = await RunAsync("import-catalog", csv);

        Assert.Equal(0, exitCode);
        Assert.Contains("Imported 89 training(s)", output, StringComparison.Ordinal);
        Assert.Contains("100% check", errors, StringComparison.Ordinal);
        Assert.Equal(89L, await ScalarAsync("SELECT COUNT(*) FROM trainings"));
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] args) =>
        BotProcess.RunCommandAsync(Database, _folder, args);
}
