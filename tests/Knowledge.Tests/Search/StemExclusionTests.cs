using AsnBot.Knowledge.Search;
using Lucene.Net.Analysis.Id;

namespace AsnBot.Knowledge.Tests.Search;

public sealed class StemExclusionTests
{
    [Theory]
    [InlineData("digital")]
    [InlineData("mentoring")]
    [InlineData("pengadaan")]
    public void Domain_terms_stay_whole_although_the_plain_stemmer_strips_them(string word)
    {
        using var plain = new IndonesianAnalyzer(CatalogAnalyzer.Version);
        using var ours = CatalogAnalyzer.Create();

        Assert.NotEqual([word], CatalogAnalyzer.Terms(plain, word));
        Assert.Equal([word], CatalogAnalyzer.Terms(ours, word));
    }

    [Fact]
    public void E_prefixed_terms_stay_one_term()
    {
        using var analyzer = CatalogAnalyzer.Create();
        Assert.Equal(["eoffice"], CatalogAnalyzer.Terms(analyzer, "E-Office"));
        Assert.Equal(["egovernment"], CatalogAnalyzer.Terms(analyzer, "e-government"));
    }

    [Fact]
    public void Ordinary_words_are_still_stemmed()
    {
        using var analyzer = CatalogAnalyzer.Create();
        Assert.Equal(["susun"], CatalogAnalyzer.Terms(analyzer, "penyusunan"));
        Assert.Equal(["arsip"], CatalogAnalyzer.Terms(analyzer, "kearsipan"));
    }
}
