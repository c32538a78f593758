using System.Text.Json;
using AsnBot.Knowledge.Catalog;
using AsnBot.Knowledge.Competencies;
using AsnBot.Knowledge.Recommendations;
using AsnBot.Knowledge.Tests.Recommendations;

// Scores the recommender on the labelled needs statements: hit@3 and nDCG@3.
var root = FindRoot();
var data = Path.Combine(root, "data");
using var recommender = new TrainingRecommender(
    CatalogYaml.Load(Path.Combine(data, "catalog.yaml")),
    CompetencyFramework.Load(Path.Combine(data, "competencies.yaml")),
    RecommendationTexts.Load(Path.Combine(data, "recommendation-texts.yaml")));
var statements = NeedsEvaluation.Load(Path.Combine(root, "tests", "Knowledge.Tests", "Recommendations", "needs-eval.yaml"));
var result = NeedsEvaluation.Run(recommender, statements, new DateOnly(2026, 11, 23));

foreach (var (statement, top) in result.Misses)
    Console.WriteLine($"miss: {statement.Text} -> [{string.Join(", ", top)}], wanted [{string.Join(", ", statement.Relevant)}]");
Console.WriteLine(JsonSerializer.Serialize(new
{
    statements = result.Statements,
    hitAt3 = Math.Round(result.HitAt3, 3),
    ndcgAt3 = Math.Round(result.NdcgAt3, 3),
}));

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "AsnBot.sln")))
            return dir.FullName;
    }
    throw new InvalidOperationException("AsnBot.sln not found above " + AppContext.BaseDirectory);
}
