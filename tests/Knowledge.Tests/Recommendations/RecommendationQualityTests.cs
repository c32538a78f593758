using AsnBot.Knowledge.Catalog;
using AsnBot.Knowledge.Competencies;
using AsnBot.Knowledge.Recommendations;

namespace AsnBot.Knowledge.Tests.Recommendations;

public sealed class RecommendationQualityTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void A_relevant_training_is_among_the_first_three_for_at_least_85_percent_of_the_labelled_needs()
    {
        using var recommender = new TrainingRecommender(
            CatalogYaml.Load(Path.Combine(RepoPaths.Data, "catalog.yaml")),
            CompetencyFramework.Load(Path.Combine(RepoPaths.Data, "competencies.yaml")),
            RecommendationTexts.Load(Path.Combine(RepoPaths.Data, "recommendation-texts.yaml")));
        var statements = NeedsEvaluation.Load(Path.Combine(RepoPaths.Root, "tests", "Knowledge.Tests", "Recommendations", "needs-eval.yaml"));

        var result = NeedsEvaluation.Run(recommender, statements, Today);

        Assert.True(statements.Count >= 40, $"the evaluation set has only {statements.Count} statements");
        var misses = string.Join("\n", result.Misses.Select(m => $"  {m.Statement.Text} -> [{string.Join(", ", m.Top)}], wanted [{string.Join(", ", m.Statement.Relevant)}]"));
        Assert.True(result.HitAt3 >= 0.85, $"hit@3 = {result.HitAt3:0.000} (nDCG@3 = {result.NdcgAt3:0.000}); misses:\n{misses}");
    }
}
