using AsnBot.Knowledge.Answers;

namespace AsnBot.Knowledge.Tests.Answers;

public sealed class KnowledgeBaseTests
{
    [Fact]
    public void The_shipped_knowledge_base_has_at_least_40_entries_each_with_an_id_a_source_and_an_answer()
    {
        var knowledge = KnowledgeBase.Load(Path.Combine(RepoPaths.Data, "knowledge"));

        Assert.True(knowledge.Entries.Count >= 40, $"only {knowledge.Entries.Count} entries");
        Assert.All(knowledge.Entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Source)));
        Assert.Contains(knowledge.Entries, e => e.Source.Contains("UU 27/2022", StringComparison.Ordinal));
        Assert.Contains(knowledge.Entries, e => e.Source.Contains("PP 11/2017", StringComparison.Ordinal));
        Assert.Equal("PP 11/2017 Pasal 203 ayat (4), sebagaimana telah diubah dengan PP 17/2020", knowledge.Find("jp-dan-hak-pengembangan/hak-20-jp")!.Source);
    }

    [Fact]
    public void An_entry_without_a_source_line_is_refused_with_its_file_and_line()
    {
        string[] lines = ["# Topik", "", "## Pertanyaan pertama?", "id: satu", "sumber: PP 11/2017", "", "Jawaban.", "", "## Pertanyaan kedua?", "id: dua", "", "Jawaban tanpa sumber."];

        var error = Assert.Throws<InvalidDataException>(() => KnowledgeBase.Parse("topik", lines).ToList());

        Assert.Equal("topik.md:9: the entry \"Pertanyaan kedua?\" has no sumber: line", error.Message);
    }
}
