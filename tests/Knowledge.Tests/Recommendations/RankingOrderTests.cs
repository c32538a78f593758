using AsnBot.Knowledge.Catalog;
using AsnBot.Knowledge.Competencies;
using AsnBot.Knowledge.Recommendations;

namespace AsnBot.Knowledge.Tests.Recommendations;

public sealed class RankingOrderTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private readonly TrainingRecommender _recommender;

    public RankingOrderTests()
    {
        var seed = CatalogYaml.Load(Path.Combine(RepoPaths.Data, "catalog.yaml"));
        // Copies of the shipped catalog under new codes: a survey gap finds hundreds of
        // trainings, many with equal scores.
        var catalog = Enumerable.Range(0, 6)
            .SelectMany(copy => seed.Select(t => new Training
            {
                Code = $"{t.Code}-{copy}", Title = t.Title, Description = t.Description, Keywords = t.Keywords,
                Competencies = [.. t.Competencies], Path = t.Path, Mode = t.Mode, Jp = t.Jp, Provider = t.Provider,
                Sessions = [.. t.Sessions],
            }))
            .ToList();
        _recommender = new TrainingRecommender(
            catalog,
            CompetencyFramework.Load(Path.Combine(RepoPaths.Data, "competencies.yaml")),
            RecommendationTexts.Load(Path.Combine(RepoPaths.Data, "recommendation-texts.yaml")));
    }

    public void Dispose() => _recommender.Dispose();

    public static TheoryData<string?, string> Requests() => new()
    {
        { null, "M.3=2,T.01=1" },
        { "sy blm paham excel, laporan lama bgt", "" },
        { "warga sering marah di loket", "M.5=1,M.3=1" },
        { "pengen naik jabatan tp gak pede mimpin rapat", "M.1=1,M.2=2,T.05=1" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void The_top_few_are_the_head_of_the_whole_ranking_best_first_with_equal_scores_in_code_order(string? text, string gaps)
    {
        var request = new RecommendationRequest
        {
            Text = text,
            Gaps = [.. gaps.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(g => g.Split('=')).Select(g => new CompetencyGap(g[0], int.Parse(g[1], System.Globalization.CultureInfo.InvariantCulture)))],
            JobLevel = "pengawas",
            PreferredMode = "daring",
            Province = "Maluku",
            Today = Today,
        };

        var top = _recommender.Recommend(request with { Top = 5 });
        var all = _recommender.Recommend(request with { Top = 10_000 });

        Assert.True(all.Items.Count > 20, $"only {all.Items.Count} trainings ranked");
        Assert.Equal(all.Items.Take(5).Select(i => (i.Code, i.Score)), top.Items.Select(i => (i.Code, i.Score)));
        for (var i = 1; i < all.Items.Count; i++)
        {
            var (before, after) = (all.Items[i - 1], all.Items[i]);
            Assert.True(before.Score >= after.Score, $"{before.Code} ({before.Score}) ranked before {after.Code} ({after.Score})");
        }
        // Copies of one training score the same: they follow each other in code order.
        foreach (var copies in all.Items.GroupBy(i => i.Code[..i.Code.LastIndexOf('-')]))
            Assert.Equal(copies.Select(i => i.Code).Order(StringComparer.Ordinal), copies.Select(i => i.Code));
        // The 10:20:70 mix takes the best of each kind, whatever the number shown.
        Assert.Equal(all.Mix.Select(m => m.Training.Code), top.Mix.Select(m => m.Training.Code));
        foreach (var item in all.Mix)
            Assert.Equal(all.Items.First(i => i.Path == item.Training.Path).Code, item.Training.Code);
    }
}
