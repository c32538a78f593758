using AsnBot.Knowledge.Catalog;
using AsnBot.Knowledge.Competencies;
using AsnBot.Knowledge.Recommendations;
using AsnBot.Knowledge.Surveys;

namespace AsnBot.Knowledge.Tests.Surveys;

public sealed class GapTests
{
    private static readonly CompetencyFramework Competencies = CompetencyFramework.Load(Path.Combine(RepoPaths.Data, "competencies.yaml"));

    [Fact]
    public void Gap_is_the_required_level_of_the_job_minus_the_self_rating()
    {
        var ratings = NeedsSurveys.Rate(Competencies, "administrator", new Dictionary<string, int> { ["M.3"] = 1, ["M.1"] = 3, ["M.2"] = 5 });

        var byCode = ratings.ToDictionary(r => r.CompetencyCode);
        Assert.Equal((1, 3, 2), (byCode["M.3"].CurrentLevel, byCode["M.3"].RequiredLevel, byCode["M.3"].Gap));
        Assert.Equal(0, byCode["M.1"].Gap);
        Assert.Equal(-2, byCode["M.2"].Gap);
    }

    [Fact]
    public void Technical_competencies_take_the_agency_technical_target()
    {
        Assert.Equal(1, Competencies.RequiredLevel("M.5", "pelaksana"));
        Assert.Equal(2, Competencies.RequiredLevel("T.01", "pelaksana"));
        Assert.Equal(4, Competencies.RequiredLevel("T.04", "fungsional-madya"));
        Assert.Null(Competencies.RequiredLevel("M.1", "bupati"));
    }

    [Fact]
    public void Unknown_codes_and_out_of_range_ratings_are_not_recorded()
    {
        var ratings = NeedsSurveys.Rate(Competencies, "pengawas", new Dictionary<string, int> { ["X.9"] = 2, ["M.4"] = 0, ["M.5"] = 6, ["T.10"] = 1 });
        Assert.Equal(["T.10"], ratings.Select(r => r.CompetencyCode));
    }

    [Fact]
    public void Each_positive_gap_becomes_a_plan_row_with_path_provider_and_timing_biggest_first()
    {
        using var recommender = new TrainingRecommender(
            CatalogYaml.Load(Path.Combine(RepoPaths.Data, "catalog.yaml")), Competencies,
            RecommendationTexts.Load(Path.Combine(RepoPaths.Data, "recommendation-texts.yaml")));
        var ratings = NeedsSurveys.Rate(Competencies, "pengawas", new Dictionary<string, int> { ["M.3"] = 1, ["T.09"] = 1, ["M.1"] = 4 });

        var plan = NeedsSurveys.Plan(recommender, ratings, new RecommendationRequest { JobLevel = "pengawas", Province = "Maluku", Today = new DateOnly(2026, 11, 23) });

        Assert.Equal(["T.09", "M.3"], plan.Select(r => r.CompetencyCode));
        Assert.All(plan, row =>
        {
            Assert.Matches("^N?KL[0-9]{2}$", row.Path);
            Assert.False(string.IsNullOrWhiteSpace(row.Provider));
            Assert.NotNull(row.TrainingCode);
        });
        Assert.Equal(2, plan[0].Gap);
        Assert.True(plan.Any(r => r.PlannedStart > new DateOnly(2026, 11, 23)), "a plan row has a future session date");
    }
}
