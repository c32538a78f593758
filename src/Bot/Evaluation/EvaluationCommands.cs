using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AsnBot.Cli;
using AsnBot.Knowledge.Catalog;
using AsnBot.Knowledge.Evaluation;
using AsnBot.Knowledge.Persistence;

namespace AsnBot.Evaluation;

/// <summary><c>evaluation results --training CODE [--json]</c>: a training's evaluation for coordinators.</summary>
public static class EvaluationCommands
{
    public const string Name = "evaluation";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Build()
    {
        var training = new Option<string>("--training") { Description = "The training's catalog code, e.g. PLT-019.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the results as JSON (the same as GET /api/evaluations/{code})." };
        var results = new Command("results", "Mean per item, response rates, pre/post gain, and level 3 participant against mentor.") { training, json };
        results.SetAction(async (parse, cancellationToken) =>
        {
            using var host = BotCommandLine.BuildToolHost();
            await host.Services.MigrateDatabaseAsync(cancellationToken);
            await CatalogSeeding.SeedIfEmptyAsync(host.Services, cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AsnBotDbContext>();
            var code = parse.GetValue(training)!;
            if (await EvaluationResults.ForTrainingAsync(db, code, cancellationToken) is not { } found)
            {
                await Console.Error.WriteLineAsync($"Training {code} is not in the catalog.");
                return 1;
            }
            await Console.Out.WriteLineAsync(parse.GetValue(json) ? JsonSerializer.Serialize(found, Json) : Describe(found));
            return 0;
        });
        return new Command(Name, "Post-training evaluation results.") { results };
    }

    /// <summary>The results as plain text lines.</summary>
    public static string Describe(TrainingEvaluationResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{results.TrainingCode} {results.TrainingTitle}");
        Questionnaire(text, "Reaction (level 1)", results.Reaction);
        var learning = results.Learning;
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Learning (level 2): {learning.PreTests} pre-tests, {learning.PostTests} post-tests, mean pre {Number(learning.PreMean)}, mean post {Number(learning.PostMean)}, mean gain {Number(learning.MeanGain)} over {learning.Pairs} participants");
        Questionnaire(text, "Behaviour (level 3), participants", results.Behaviour.Participants);
        Questionnaire(text, "Behaviour (level 3), mentors/supervisors", results.Behaviour.Mentors);
        if (results.CheckIn.Participants.Asked + results.CheckIn.Mentors.Asked > 0)
        {
            Questionnaire(text, "Check-in (level 3), participants", results.CheckIn.Participants);
            Questionnaire(text, "Check-in (level 3), mentors/supervisors", results.CheckIn.Mentors);
        }
        foreach (var comment in results.Comments)
            text.AppendLine(CultureInfo.InvariantCulture, $"  comment: {comment}");
        return text.ToString().TrimEnd();
    }

    private static void Questionnaire(StringBuilder text, string title, QuestionnaireResult result)
    {
        var rate = result.ResponseRate is { } r ? (r * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : "-";
        text.AppendLine(CultureInfo.InvariantCulture, $"{title}: asked {result.Asked}, answered {result.Answered}, not responded {result.NotResponded}, response rate {rate}");
        foreach (var item in result.Items)
            text.AppendLine(CultureInfo.InvariantCulture, $"  {item.Item}: mean {Number(item.Mean)} ({item.Answers} answers{(item.NotObserved > 0 ? $", {item.NotObserved} not observed" : "")})");
    }

    private static string Number(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "-";
}
