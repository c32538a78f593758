using AsnBot.Knowledge.Search;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace AsnBot.Knowledge.Answers;

/// <summary>
/// A knowledge entry found for a question. <see cref="Coverage"/> (0 to 1) says how much of
/// the question the entry speaks to: each question term found in the entry's question or
/// aliases counts fully, one found only in its answer counts half. BM25 orders the hits;
/// coverage decides whether the best one is good enough to answer with.
/// </summary>
public sealed record KnowledgeHit(KnowledgeEntry Entry, float Score, double Coverage);

/// <summary>
/// The knowledge base as an in-memory Lucene index with BM25, analysed by the same
/// Indonesian pipeline as the catalog (<see cref="CatalogAnalyzer"/>): the question and its
/// aliases weigh most, the topic and the answer less.
/// </summary>
public sealed class KnowledgeIndex : IDisposable
{
    private const double AnswerOnlyWeight = 0.5;
    private const int MaxQueryTerms = 64;
    private static readonly (string Name, float Boost)[] Fields =
    [
        ("question", 3.0f),
        ("aliases", 3.0f),
        ("topic", 0.5f),
        ("answer", 1.0f),
    ];

    private readonly RAMDirectory _directory = new();
    private readonly Analyzer _analyzer;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly KnowledgeEntry[] _entries;
    private readonly HashSet<string>[] _askedTerms;
    private readonly HashSet<string>[] _answerTerms;

    public KnowledgeIndex(KnowledgeBase knowledge, Analyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        _analyzer = analyzer;
        _entries = [.. knowledge.Entries];
        _askedTerms = new HashSet<string>[_entries.Length];
        _answerTerms = new HashSet<string>[_entries.Length];
        var config = new IndexWriterConfig(CatalogAnalyzer.Version, analyzer) { Similarity = new BM25Similarity(), OpenMode = OpenMode.CREATE };
        using (var writer = new IndexWriter(_directory, config))
        {
            for (var i = 0; i < _entries.Length; i++)
            {
                var entry = _entries[i];
                var aliases = string.Join(" . ", entry.Aliases);
                _askedTerms[i] = [.. CatalogAnalyzer.Terms(analyzer, entry.Question + " . " + aliases)];
                _answerTerms[i] = [.. CatalogAnalyzer.Terms(analyzer, entry.Answer)];
                writer.AddDocument(
                [
                    new StoredField("n", i),
                    new TextField("question", CatalogAnalyzer.Prepare(entry.Question), Field.Store.NO),
                    new TextField("aliases", CatalogAnalyzer.Prepare(aliases), Field.Store.NO),
                    new TextField("topic", CatalogAnalyzer.Prepare(entry.Topic), Field.Store.NO),
                    new TextField("answer", CatalogAnalyzer.Prepare(entry.Answer), Field.Store.NO),
                ]);
            }
            writer.Commit();
        }
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    public int Count => _entries.Length;

    /// <summary>The best entries for already analysed question terms, best first.</summary>
    public IReadOnlyList<KnowledgeHit> Search(IReadOnlyCollection<string> terms, int max)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var distinct = terms.Distinct(StringComparer.Ordinal).Take(MaxQueryTerms).ToList();
        if (distinct.Count == 0 || max <= 0)
            return [];
        var query = new BooleanQuery();
        foreach (var term in distinct)
        {
            foreach (var (name, boost) in Fields)
                query.Add(new TermQuery(new Term(name, term)) { Boost = boost }, Occur.SHOULD);
        }
        var hits = new List<KnowledgeHit>();
        foreach (var hit in _searcher.Search(query, max).ScoreDocs)
        {
            var n = _reader.Document(hit.Doc).GetField("n").GetInt32Value() ?? 0;
            hits.Add(new KnowledgeHit(_entries[n], hit.Score, Coverage(n, distinct)));
        }
        return hits;
    }

    private double Coverage(int n, List<string> terms)
    {
        var covered = 0.0;
        foreach (var term in terms)
        {
            if (_askedTerms[n].Contains(term))
                covered += 1;
            else if (_answerTerms[n].Contains(term))
                covered += AnswerOnlyWeight;
        }
        return covered / terms.Count;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }
}
