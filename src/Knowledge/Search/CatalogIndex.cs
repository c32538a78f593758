using AsnBot.Knowledge.Catalog;
using AsnBot.Knowledge.Competencies;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace AsnBot.Knowledge.Search;

public sealed record SearchHit(string Code, float Score);

/// <summary>
/// The catalog as an in-memory Lucene index scored with BM25. Each training is one
/// document with four fields weighted by how much a word there says about the training:
/// its title and keywords most, its description less, and the names and keywords of the
/// competencies it develops least (they widen the vocabulary: "gaptek" finds T.01 trainings).
/// Built once per catalog version; searching is thread-safe.
/// </summary>
public sealed class CatalogIndex : IDisposable
{
    private const string OrdinalField = "ordinal";
    private static readonly (string Name, float Boost)[] Fields =
    [
        ("title", 3.0f),
        ("keywords", 2.5f),
        ("description", 1.0f),
        ("competencies", 0.6f),
    ];

    // BooleanQuery allows 1,024 clauses; a long message is cut well before that.
    private const int MaxQueryTerms = 64;

    private readonly RAMDirectory[] _directories;
    private readonly IndexReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly Analyzer _analyzer;

    // BM25 needs term frequencies and norms, never positions (there are no phrase queries):
    // not writing positions makes the build cheaper and leaves every score as it was.
    private static readonly FieldType Text = FrozenTextType();

    // Codes by document number. Each document carries its training's position in the input
    // as a doc value, so mapping hits to codes reads no stored fields (which cost more than the search).
    private readonly string[] _codes;

    private CatalogIndex(RAMDirectory[] directories, Analyzer analyzer, IReadOnlyList<string> codes)
    {
        _directories = directories;
        _analyzer = analyzer;
        _reader = directories.Length == 1
            ? DirectoryReader.Open(directories[0])
            : new MultiReader([.. directories.Select(d => (IndexReader)DirectoryReader.Open(d))], closeSubReaders: true);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        _codes = new string[_reader.MaxDoc];
        var ordinals = MultiDocValues.GetNumericValues(_reader, OrdinalField);
        for (var doc = 0; doc < _codes.Length; doc++)
            _codes[doc] = codes[(int)ordinals.Get(doc)];
    }

    private static FieldType FrozenTextType()
    {
        var type = new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS };
        type.Freeze();
        return type;
    }

    public Analyzer Analyzer => _analyzer;

    /// <summary>
    /// Builds the index. A large catalog is cut into consecutive parts indexed side by side,
    /// one writer and one in-memory directory each, and read back as one index in catalog
    /// order, so document numbers (and so the order of equal scores) are what a single writer
    /// would give. The index statistics BM25 uses are those of the whole, so scores are too.
    /// </summary>
    public static CatalogIndex Build(IEnumerable<Training> trainings, CompetencyFramework competencies)
    {
        ArgumentNullException.ThrowIfNull(trainings);
        var list = trainings as IReadOnlyList<Training> ?? trainings.ToList();
        return Build(list, competencies, PartsFor(list.Count, Environment.ProcessorCount));
    }

    internal static CatalogIndex Build(IReadOnlyList<Training> list, CompetencyFramework competencies, int parts)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(competencies);
        ArgumentOutOfRangeException.ThrowIfLessThan(parts, 1);
        var analyzer = CatalogAnalyzer.Create();
        // Competency words are the same for every training that develops the competency: analyse them once.
        var competencyTerms = competencies.All.ToDictionary(
            c => c.Code,
            c => CatalogAnalyzer.Terms(analyzer, string.Join(" . ", c.Keywords.Prepend(c.Name))),
            StringComparer.OrdinalIgnoreCase);
        var directories = new RAMDirectory[parts];
        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, part =>
        {
            var (start, end) = PartBounds(list.Count, parts, part);
            directories[part] = BuildPart(list, start, end, competencyTerms);
        });
        return new CatalogIndex(directories, analyzer, [.. list.Select(t => t.Code)]);
    }

    // Below this many trainings a second writer costs more than it saves.
    internal const int TrainingsPerExtraPart = 2_000;
    private const int MaxParts = 4;

    /// <summary>How many parts to index side by side: one per core, each with enough trainings to pay for itself.</summary>
    internal static int PartsFor(int trainings, int processors) =>
        Math.Clamp(Math.Min(processors, trainings / TrainingsPerExtraPart), 1, MaxParts);

    internal static (int Start, int End) PartBounds(int count, int parts, int part) =>
        ((int)((long)count * part / parts), (int)((long)count * (part + 1) / parts));

    private static RAMDirectory BuildPart(
        IReadOnlyList<Training> trainings, int start, int end, Dictionary<string, List<string>> competencyTerms)
    {
        // An analyzer of its own: the parts share nothing while they run.
        using var analyzer = CatalogAnalyzer.Create();
        var directory = new RAMDirectory();
        var config = new IndexWriterConfig(CatalogAnalyzer.Version, analyzer)
        {
            Similarity = new BM25Similarity(),
            OpenMode = OpenMode.CREATE,
            RAMBufferSizeMB = 64,
            // A compound file copies every byte of the new segment once more; in memory it saves nothing.
            UseCompoundFile = false,
        };
        // One stream for every document's competency terms: a new one per document built its
        // attributes by reflection each time. The writer reads it fully inside AddDocument.
        var competencyStream = new AnalysedTerms();
        using var writer = new IndexWriter(directory, config);
        for (var ordinal = start; ordinal < end; ordinal++)
        {
            var training = trainings[ordinal];
            competencyStream.Use(training.Competencies.SelectMany(c => competencyTerms.GetValueOrDefault(c.CompetencyCode) ?? []).ToList());
            writer.AddDocument(ToDocument(training, ordinal, competencyStream));
        }
        writer.Commit();
        return directory;
    }

    private static Document ToDocument(Training training, int ordinal, AnalysedTerms competencies)
    {
        return
        [
            new NumericDocValuesField(OrdinalField, ordinal),
            new Field("title", CatalogAnalyzer.Prepare(training.Title), Text),
            new Field("keywords", CatalogAnalyzer.Prepare(string.Join(" . ", training.Keywords)), Text),
            new Field("description", CatalogAnalyzer.Prepare(training.Description), Text),
            new Field("competencies", competencies, Text),
        ];
    }

    /// <summary>Terms analysed beforehand, handed to the index as they are.</summary>
    private sealed class AnalysedTerms : TokenStream
    {
        private readonly ICharTermAttribute _term;
        private IReadOnlyList<string> _terms = [];
        private int _next;

        public AnalysedTerms() => _term = AddAttribute<ICharTermAttribute>();

        public void Use(IReadOnlyList<string> terms)
        {
            _terms = terms;
            _next = 0;
        }

        public override bool IncrementToken()
        {
            if (_next >= _terms.Count)
                return false;
            ClearAttributes();
            _term.SetEmpty().Append(_terms[_next++]);
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            _next = 0;
        }
    }

    /// <summary>The best matches for already analysed terms, best first.</summary>
    public IReadOnlyList<SearchHit> Search(IReadOnlyCollection<string> terms, int max)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.Count == 0 || max <= 0)
            return [];
        var query = new BooleanQuery();
        foreach (var term in terms.Distinct(StringComparer.Ordinal).Take(MaxQueryTerms))
        {
            foreach (var (name, boost) in Fields)
                query.Add(new TermQuery(new Term(name, term)) { Boost = boost }, Occur.SHOULD);
        }
        var top = _searcher.Search(query, max);
        var hits = new List<SearchHit>(top.ScoreDocs.Length);
        foreach (var hit in top.ScoreDocs)
            hits.Add(new SearchHit(_codes[hit.Doc], hit.Score));
        return hits;
    }

    public void Dispose()
    {
        _reader.Dispose();
        foreach (var directory in _directories)
            directory.Dispose();
        _analyzer.Dispose();
    }
}
