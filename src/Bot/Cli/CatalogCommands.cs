using System.CommandLine;
using System.Globalization;
using AsnBot.Knowledge.Catalog;
using AsnBot.Knowledge.Competencies;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Profiles;
using AsnBot.Knowledge.Recommendations;
using AsnBot.Knowledge.Regions;
using AsnBot.Recommendations;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Cli;

/// <summary>The catalog and recommendation commands: import-catalog, export catalog, recommend.</summary>
public static class CatalogCommands
{
    public static readonly string[] Names = ["import-catalog", "export", "recommend"];

    public static void AddTo(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.Subcommands.Add(ImportCommand());
        root.Subcommands.Add(ExportCommand());
        root.Subcommands.Add(RecommendCommand());
    }

    private static Command ImportCommand()
    {
        var file = new Argument<string>("file") { Description = "A .xlsx or .csv file in the layout of docs/catalog-import.md." };
        var command = new Command("import-catalog", "Check a catalog file and, when every row is valid, add or update its trainings.") { file };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                await Console.Error.WriteLineAsync($"File not found: {path}");
                return 2;
            }
            using var host = await StartToolHostAsync(cancellationToken);
            var services = host.Services;
            var progress = new ProgressBar(Console.Error);
            var texts = services.GetRequiredService<ImportTexts>();
            List<SheetRow> rows;
            try
            {
                rows = CatalogFiles.Read(path);
            }
            catch (Exception e) when (e is ArgumentException or InvalidDataException or IOException or InvalidOperationException)
            {
                await Console.Error.WriteLineAsync(texts.Format("file.cannot_read", ("file", path), ("reason", texts.Unreadable(e))));
                return 1;
            }
            var result = CatalogImport.Validate(rows, services.GetRequiredService<CompetencyFramework>(), services.GetRequiredService<RegionDirectory>(), texts, progress);
            progress.Finish();
            if (!result.IsValid)
            {
                foreach (var error in result.Errors)
                    await Console.Error.WriteLineAsync(texts.Describe(error));
                await Console.Error.WriteLineAsync(texts.Format("file_refused", ("problems", result.Errors.Count), ("rows", result.Rows)));
                return 1;
            }
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AsnBotDbContext>();
                await CatalogStore.UpsertAsync(db, result.Trainings, cancellationToken);
            }
            services.GetRequiredService<RecommendationService>().Invalidate();
            await Console.Out.WriteLineAsync($"Imported {result.Trainings.Count} training(s) with {result.Trainings.Sum(t => t.Sessions.Count)} session(s) from {result.Rows} row(s).");
            return 0;
        });
        return command;
    }

    private static Command ExportCommand()
    {
        var format = new Option<string>("--format") { Description = "xlsx or csv", Required = true };
        format.AcceptOnlyFromAmong("xlsx", "csv");
        var output = new Option<string>("--out") { Description = "The file to write.", Required = true };
        var catalog = new Command("catalog", "Write the whole catalog, one row per session.") { format, output };
        catalog.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await StartToolHostAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var trainings = await CatalogStore.LoadAsync(scope.ServiceProvider.GetRequiredService<AsnBotDbContext>(), cancellationToken);
            var path = parse.GetValue(output)!;
            CatalogFiles.Write(path, parse.GetValue(format) == "csv" ? CatalogFormat.Csv : CatalogFormat.Xlsx, trainings);
            await Console.Out.WriteLineAsync($"Wrote {trainings.Count} training(s) to {path}.");
            return 0;
        });
        return new Command("export", "Export data for coordinators.") { catalog };
    }

    private static Command RecommendCommand()
    {
        var text = new Option<string>("--text") { Description = "The need in the person's words." };
        var gaps = new Option<string>("--gaps") { Description = "Competency gaps, e.g. M.3=2,T.01=1 (required minus current level)." };
        var jobLevel = new Option<string>("--job-level") { Description = "A job level of data/competencies.yaml, e.g. pelaksana." };
        var top = new Option<int>("--top") { Description = "How many trainings.", DefaultValueFactory = _ => 5 };
        var nip = new Option<string>("--nip") { Description = "Recommend for a registered person, from their latest needs survey." };
        var json = new Option<bool>("--json") { Description = "Print only JSON on standard output." };
        var command = new Command("recommend", "Rank the catalog for a need and explain why.") { text, gaps, jobLevel, top, nip, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await StartToolHostAsync(cancellationToken);
            var services = host.Services;
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AsnBotDbContext>();
            RecommendationRequest request;
            if (parse.GetValue(nip) is { Length: > 0 } typed)
            {
                var digits = new string(typed.Where(char.IsDigit).ToArray());
                var personId = await db.Set<Person>().Where(p => p.Nip == digits).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
                if (personId is null || await RecommendationService.RequestForPersonAsync(db, personId.Value, parse.GetValue(text), parse.GetValue(top), now, cancellationToken) is not { } forPerson)
                {
                    await Console.Error.WriteLineAsync("No registered person has that NIP.");
                    return 2;
                }
                request = forPerson;
            }
            else
            {
                if (!GapList.TryParse(parse.GetValue(gaps), out var parsedGaps, out var problem))
                {
                    await Console.Error.WriteLineAsync(problem);
                    return 2;
                }
                request = new RecommendationRequest
                {
                    Text = parse.GetValue(text),
                    Gaps = parsedGaps,
                    JobLevel = parse.GetValue(jobLevel),
                    Top = parse.GetValue(top),
                    Today = today,
                };
            }
            var recommendation = await services.GetRequiredService<RecommendationService>().RecommendAsync(db, request, cancellationToken);
            if (parse.GetValue(json))
                await Console.Out.WriteLineAsync(RecommendationJson.Serialize(recommendation));
            else
                await WriteTextAsync(recommendation);
            return 0;
        });
        return command;
    }

    private static async Task WriteTextAsync(Recommendation recommendation)
    {
        if (recommendation.Items.Count == 0)
            await Console.Out.WriteLineAsync("No training matches.");
        foreach (var (item, rank) in recommendation.Items.Select((item, i) => (item, i + 1)))
        {
            await Console.Out.WriteLineAsync($"{rank}. {item.Code} {item.Title} [{string.Join(", ", item.Competencies)}] score {item.Score.ToString("0.000", CultureInfo.InvariantCulture)}");
            foreach (var reason in item.Reasons)
                await Console.Out.WriteLineAsync($"   - {reason}");
        }
        if (recommendation.Mix.Count > 0)
            await Console.Out.WriteLineAsync("10:20:70: " + string.Join(" | ", recommendation.Mix.Select(m => $"{m.Part}: {m.Training.Code}")));
    }

    /// <summary>The tool host with the database migrated and the shipped catalog in place.</summary>
    internal static async Task<IHost> StartToolHostAsync(CancellationToken cancellationToken)
    {
        var host = BotCommandLine.BuildToolHost();
        await host.Services.MigrateDatabaseAsync(cancellationToken);
        await CatalogSeeding.SeedIfEmptyAsync(host.Services, cancellationToken);
        return host;
    }
}

/// <summary>"M.3=2,T.01=1" from the command line.</summary>
public static class GapList
{
    public static bool TryParse(string? text, out List<CompetencyGap> gaps, out string problem)
    {
        gaps = [];
        problem = "";
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split('=', StringSplitOptions.TrimEntries);
            if (pieces.Length != 2 || pieces[0].Length == 0 || !int.TryParse(pieces[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var gap) || gap is < -4 or > 4)
            {
                problem = $"--gaps: '{part}' must be CODE=GAP with a gap from -4 to 4, e.g. M.3=2";
                return false;
            }
            gaps.Add(new CompetencyGap(pieces[0].ToUpperInvariant(), gap));
        }
        return true;
    }
}

/// <summary>A one-line progress bar on standard error, redrawn in place.</summary>
internal sealed class ProgressBar(TextWriter writer) : IProgress<ImportProgress>
{
    private const int Width = 30;
    private bool _drawn;

    public void Report(ImportProgress value)
    {
        var filled = value.Total == 0 ? Width : value.Done * Width / value.Total;
        var percent = value.Total == 0 ? 100 : value.Done * 100 / value.Total;
        writer.Write($"\r[{new string('#', filled)}{new string(' ', Width - filled)}] {percent,3}% {value.Stage} {value.Done}/{value.Total}");
        _drawn = true;
    }

    public void Finish()
    {
        if (_drawn)
            writer.WriteLine();
    }
}
