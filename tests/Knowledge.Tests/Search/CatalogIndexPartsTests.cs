using AsnBot.Knowledge.Catalog;
using AsnBot.Knowledge.Competencies;
using AsnBot.Knowledge.Search;
using AsnBot.Knowledge.Tests.Recommendations;

namespace AsnBot.Knowledge.Tests.Search;

public sealed class CatalogIndexPartsTests
{
    [Fact]
    public void An_index_built_in_parts_side_by_side_finds_the_same_trainings_with_the_same_scores_in_the_same_order_as_one_built_whole()
    {
        var competencies = CompetencyFramework.Load(Path.Combine(RepoPaths.Data, "competencies.yaml"));
        var seed = CatalogYaml.Load(Path.Combine(RepoPaths.Data, "catalog.yaml"));
        // Copies of the shipped catalog under new codes: many equal scores, so the order of ties is tested too.
        var catalog = Enumerable.Range(0, 7)
            .SelectMany(copy => seed.Select(t => new Training
            {
                Code = $"{t.Code}-{copy}", Title = t.Title, Description = t.Description, Keywords = t.Keywords,
                Competencies = t.Competencies, Path = t.Path, Mode = t.Mode, Jp = t.Jp, Provider = t.Provider,
            }))
            .ToList();
        var needs = NeedsEvaluation.Load(Path.Combine(RepoPaths.Root, "tests", "Knowledge.Tests", "Recommendations", "needs-eval.yaml"));

        using var whole = CatalogIndex.Build(catalog, competencies, parts: 1);
        using var inThree = CatalogIndex.Build(catalog, competencies, parts: 3);

        foreach (var need in needs)
        {
            var terms = CatalogAnalyzer.Terms(whole.Analyzer, need.Text);
            var expected = whole.Search(terms, 25);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, inThree.Search(terms, 25));
        }
    }

    [Theory]
    [InlineData(60, 2, 1)]
    [InlineData(3_999, 2, 1)]
    [InlineData(4_000, 2, 2)]
    [InlineData(10_000, 2, 2)]
    [InlineData(10_000, 1, 1)]
    [InlineData(100_000, 16, 4)]
    public void A_catalog_is_indexed_in_one_part_per_core_each_of_at_least_two_thousand_trainings_and_at_most_four(int trainings, int processors, int parts)
    {
        Assert.Equal(parts, CatalogIndex.PartsFor(trainings, processors));
    }

    [Fact]
    public void The_parts_cover_every_training_once_in_catalog_order()
    {
        var bounds = Enumerable.Range(0, 3).Select(part => CatalogIndex.PartBounds(10_001, 3, part)).ToList();

        Assert.Equal(0, bounds[0].Start);
        Assert.Equal(bounds[0].End, bounds[1].Start);
        Assert.Equal(bounds[1].End, bounds[2].Start);
        Assert.Equal(10_001, bounds[2].End);
    }
}
