using AsnBot.Knowledge.Search;

namespace AsnBot.Knowledge.Tests.Search;

public sealed class IndonesianTextNormalizerTests
{
    [Theory]
    [InlineData("sy blm paham excel", "saya belum paham excel")]
    [InlineData("gmn cara daftar", "bagaimana cara daftar")]
    [InlineData("tdk bs ikut krn dinas luar", "tidak bisa ikut karena dinas luar")]
    [InlineData("Udh pake E-Office tp msh bingung", "sudah pakai e-office tapi masih bingung")]
    [InlineData("yg hrs dibuat dgn org lain utk laporan", "yang harus dibuat dengan orang lain untuk laporan")]
    public void Slang_and_abbreviations_become_written_Indonesian(string typed, string expected)
    {
        Assert.Equal(expected, IndonesianTextNormalizer.Normalize(typed));
    }

    [Theory]
    [InlineData("pusing bangeeet", "pusing banget")]
    [InlineData("susaaaah", "susah")]
    [InlineData("capek bgtt", "capek banget")]
    [InlineData("saat ini", "saat ini")]
    public void Elongations_fold_and_real_double_letters_stay(string typed, string expected)
    {
        Assert.Equal(expected, IndonesianTextNormalizer.Normalize(typed));
    }

    [Theory]
    [InlineData("gak paham", "tidak")]
    [InlineData("ga ngerti", "tidak")]
    [InlineData("gk bisa", "tidak")]
    [InlineData("nggak tau", "tidak")]
    [InlineData("blm pernah", "belum")]
    [InlineData("bkn bidang sy", "bukan")]
    [InlineData("jgn sampai telat", "jangan")]
    public void Each_negation_keeps_a_negation_word(string typed, string negation)
    {
        var words = IndonesianTextNormalizer.Normalize(typed).Split(' ');
        Assert.Equal(negation, words[0]);
        Assert.Contains(negation, (IReadOnlySet<string>)IndonesianTextNormalizer.Negations);
    }

    [Fact]
    public void A_negation_survives_the_analyzer_so_a_need_is_not_read_as_its_opposite()
    {
        using var analyzer = CatalogAnalyzer.Create();
        Assert.Contains("tidak", CatalogAnalyzer.Terms(analyzer, "gak paham"));
        Assert.Contains("belum", CatalogAnalyzer.Terms(analyzer, "blm bisa"));
    }

    [Fact]
    public void Reduplication_with_a_2_is_written_out()
    {
        Assert.Equal("warga marah marah", IndonesianTextNormalizer.Normalize("warga marah2"));
    }
}
