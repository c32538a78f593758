using AsnBot.Knowledge.Answers;
using AsnBot.Knowledge.Catalog;
using AsnBot.Knowledge.Search;
using AsnBot.Knowledge.Tests.Recommendations;

namespace AsnBot.Knowledge.Tests.Search;

public sealed class MemoizedAnalyzerTests
{
    [Fact]
    public void Remembering_stems_and_splitting_prepared_text_give_the_same_terms_as_Lucenes_IndonesianAnalyzer_for_the_catalog_the_knowledge_base_and_chat_text()
    {
        var catalog = CatalogYaml.Load(Path.Combine(RepoPaths.Data, "catalog.yaml"));
        var knowledge = KnowledgeBase.Load(Path.Combine(RepoPaths.Data, "knowledge"));
        var needs = NeedsEvaluation.Load(Path.Combine(RepoPaths.Root, "tests", "Knowledge.Tests", "Recommendations", "needs-eval.yaml"));
        var texts = catalog.SelectMany(t => new[] { t.Title, t.Description, string.Join(" . ", t.Keywords) })
            .Concat(knowledge.Entries.SelectMany(e => new[] { e.Question, e.Answer, string.Join(" . ", e.Aliases) }))
            .Concat(needs.Select(n => n.Text))
            .Append("sy blm paham e-office, mentoring pengadaan digital bangeeet")
            // What the tokenizer must split like the standard one: digits, '-' and '/' inside words,
            // punctuation, accents, a word too long to index between two that are kept.
            .Append("SK.1 level 3/4, k3 covid-19 2026 e-kinerja/e-office SPBE@kominfo.go.id 12,5 jp naïve café")
            .Append("awal " + new string('a', 300) + " akhir")
            .ToList();
        using var memoized = CatalogAnalyzer.Create();
        using var lucene = CatalogAnalyzer.CreateUnmemoized();

        // Twice through the memoized one: the second pass reads every stem from memory.
        foreach (var text in texts.Concat(texts))
            Assert.Equal(CatalogAnalyzer.Terms(lucene, text), CatalogAnalyzer.Terms(memoized, text));
        Assert.True(texts.Count > 300, $"only {texts.Count} texts compared");
    }
}
