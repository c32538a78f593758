using AsnBot.Knowledge.Catalog;
using AsnBot.Knowledge.Competencies;
using AsnBot.Knowledge.Recommendations;

namespace AsnBot.Knowledge.Tests.Recommendations;

public sealed class RankingReasonTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private readonly TrainingRecommender _recommender = new(
        CatalogYaml.Load(Path.Combine(RepoPaths.Data, "catalog.yaml")),
        CompetencyFramework.Load(Path.Combine(RepoPaths.Data, "competencies.yaml")),
        RecommendationTexts.Load(Path.Combine(RepoPaths.Data, "recommendation-texts.yaml")));

    public void Dispose() => _recommender.Dispose();

    [Fact]
    public void A_survey_gap_is_explained_with_the_self_rating_and_the_target_of_the_job()
    {
        var result = _recommender.Recommend(new RecommendationRequest { Gaps = [new CompetencyGap("M.3", 1, 2, 3)], JobLevel = "administrator", Top = 3, Today = Today });

        Assert.NotEmpty(result.Items);
        Assert.All(result.Items, item =>
        {
            Assert.Contains("M.3", item.Competencies);
            Assert.Contains("karena Anda menilai Komunikasi di level 2, target jabatan Anda level 3", item.Reasons);
        });
    }

    [Fact]
    public void A_gap_without_levels_takes_the_target_from_the_job_level()
    {
        var result = _recommender.Recommend(new RecommendationRequest { Gaps = [new CompetencyGap("T.09", 2)], JobLevel = "pengawas", Top = 1, Today = Today });
        Assert.Contains("karena Anda menilai Pengadaan Barang/Jasa Pemerintah di level 1, target jabatan Anda level 3", result.Items[0].Reasons);
    }

    [Fact]
    public void The_person_s_own_words_are_quoted_with_the_JP_still_needed()
    {
        var item = _recommender.Recommend(new RecommendationRequest { Text = "cari pelatihan excel", Top = 1, Today = Today }).Items[0];

        Assert.Contains("excel", item.Title, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("cocok dengan yang Anda tulis: excel", item.Reasons);
        Assert.Contains(item.Reasons, r => r.Contains("20 JP", StringComparison.Ordinal) && r.Contains("tercatat 0 JP", StringComparison.Ordinal));
    }

    [Fact]
    public void Preferred_mode_and_a_session_in_the_person_s_province_count_and_are_said()
    {
        var request = new RecommendationRequest { Text = "excel", PreferredMode = "klasikal", Province = "Maluku", Top = 1, Today = Today };
        var item = _recommender.Recommend(request).Items[0];

        Assert.Equal("PLT-001", item.Code);
        Assert.Contains("sesuai bentuk belajar pilihan Anda (tatap muka)", item.Reasons);
        Assert.Contains("sesi terdekat 12 Januari 2027 di Kota Ambon, di provinsi Anda", item.Reasons);
    }

    [Fact]
    public void A_training_already_enrolled_in_is_not_recommended_again()
    {
        var first = _recommender.Recommend(new RecommendationRequest { Text = "excel", Top = 1, Today = Today }).Items[0].Code;
        var again = _recommender.Recommend(new RecommendationRequest { Text = "excel", Top = 5, Today = Today, Excluded = new HashSet<string> { first } });
        Assert.DoesNotContain(again.Items, i => i.Code == first);
    }

    [Fact]
    public void A_training_whose_sessions_are_all_past_ranks_lower_than_while_they_were_open()
    {
        int Rank(DateOnly today) => _recommender.Recommend(new RecommendationRequest { Text = "excel", Top = 10, Today = today })
            .Items.Select(i => i.Code).ToList().IndexOf("PLT-001");

        var whileOpen = Rank(Today);
        var afterAllSessions = Rank(new DateOnly(2027, 12, 31));

        Assert.Equal(0, whileOpen);
        Assert.True(afterAllSessions > whileOpen, $"PLT-001 ranked {afterAllSessions} after its sessions ended");
    }

    [Fact]
    public void The_mix_offers_a_course_learning_from_others_and_learning_on_the_job()
    {
        var mix = _recommender.Recommend(new RecommendationRequest { Text = "sy blm paham excel buat laporan", Gaps = [new CompetencyGap("T.01", 1)], JobLevel = "pelaksana", Top = 3, Today = Today }).Mix;

        Assert.Equal(3, mix.Count);
        Assert.StartsWith("KL", mix[0].Training.Path, StringComparison.Ordinal);
        Assert.Contains(mix[1].Training.Path, new[] { "NKL01", "NKL02", "NKL07", "NKL10" });
        Assert.Contains(mix[2].Training.Path, new[] { "NKL05", "NKL08", "NKL11", "NKL12" });
    }
}
