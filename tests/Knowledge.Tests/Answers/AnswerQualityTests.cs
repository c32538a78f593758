using AsnBot.Knowledge.Answers;
using AsnBot.Knowledge.Catalog;
using AsnBot.Knowledge.Competencies;
using AsnBot.Knowledge.Recommendations;

namespace AsnBot.Knowledge.Tests.Answers;

public sealed class AnswerQualityTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void The_expected_source_or_route_answers_at_least_85_percent_of_the_informal_questions()
    {
        using var catalog = ShippedContent.Recommender();
        using var answerer = ShippedContent.Answerer();
        var questions = QuestionsEvaluation.Load(Path.Combine(RepoPaths.Root, "tests", "Knowledge.Tests", "Answers", "questions-eval.yaml"));

        var result = QuestionsEvaluation.Run(answerer, catalog, questions, Today);

        Assert.True(questions.Count >= 40, $"the evaluation set has only {questions.Count} questions");
        Assert.True(result.HitAt3 >= 0.85, $"hit@3 = {result.HitAt3:0.000}; misses:\n{QuestionsEvaluation.Describe(result)}");
    }
}

/// <summary>The answerer and the catalog as the product ships them.</summary>
internal static class ShippedContent
{
    public static TrainingRecommender Recommender() => new(
        CatalogYaml.Load(Path.Combine(RepoPaths.Data, "catalog.yaml")),
        CompetencyFramework.Load(Path.Combine(RepoPaths.Data, "competencies.yaml")),
        RecommendationTexts.Load(Path.Combine(RepoPaths.Data, "recommendation-texts.yaml")));

    public static QuestionAnswerer Answerer() => new(
        KnowledgeBase.Load(Path.Combine(RepoPaths.Data, "knowledge")),
        QuestionContent.Load(Path.Combine(RepoPaths.Data, "questions.yaml")));
}
