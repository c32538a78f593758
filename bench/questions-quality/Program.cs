using System.Text.Json;
using AsnBot.Knowledge.Answers;
using AsnBot.Knowledge.Catalog;
using AsnBot.Knowledge.Competencies;
using AsnBot.Knowledge.Recommendations;
using AsnBot.Knowledge.Tests.Answers;

// Scores the retrieval answers on the labelled informal questions: hit@3 of the expected source or route.
var root = FindRoot();
var data = Path.Combine(root, "data");
using var catalog = new TrainingRecommender(
    CatalogYaml.Load(Path.Combine(data, "catalog.yaml")),
    CompetencyFramework.Load(Path.Combine(data, "competencies.yaml")),
    RecommendationTexts.Load(Path.Combine(data, "recommendation-texts.yaml")));
var knowledge = KnowledgeBase.Load(Path.Combine(data, "knowledge"));
using var answerer = new QuestionAnswerer(knowledge, QuestionContent.Load(Path.Combine(data, "questions.yaml")));
var questions = QuestionsEvaluation.Load(Path.Combine(root, "tests", "Knowledge.Tests", "Answers", "questions-eval.yaml"));
var result = QuestionsEvaluation.Run(answerer, catalog, questions, new DateOnly(2026, 11, 23));

if (result.Misses.Count > 0)
    Console.WriteLine("misses:\n" + QuestionsEvaluation.Describe(result));
var routes = questions.Select(q => answerer.Answer(q.Text, catalog, new DateOnly(2026, 11, 23)).RouteName)
    .GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count());
Console.WriteLine(JsonSerializer.Serialize(new
{
    questions = result.Questions,
    knowledgeEntries = knowledge.Entries.Count,
    routes,
    hitAt3 = Math.Round(result.HitAt3, 3),
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
