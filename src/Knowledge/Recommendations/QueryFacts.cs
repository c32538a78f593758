using AsnBot.Knowledge.Search;
using Lucene.Net.Analysis;

namespace AsnBot.Knowledge.Recommendations;

/// <summary>What one request's free text says, worked out once: its terms, the words behind them, the competencies it names.</summary>
internal sealed class QueryFacts
{
    private readonly List<string> _terms;
    private readonly Dictionary<string, string> _wordByTerm = new(StringComparer.Ordinal);
    private Dictionary<string, double>? _textScores;

    public QueryFacts(RecommendationRequest request, Analyzer analyzer, CompetencyDetector detector)
    {
        _terms = CatalogAnalyzer.Terms(analyzer, request.Text);
        // A reason quotes the person's own word ("e-office"), not its stem ("eoffice").
        foreach (var word in IndonesianTextNormalizer.Normalize(request.Text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var term in CatalogAnalyzer.Terms(analyzer, word))
                _wordByTerm.TryAdd(term, word);
        }
        Detected = detector.Detect(_terms.ToHashSet(StringComparer.Ordinal));
    }

    public IReadOnlyDictionary<string, int> Detected { get; }

    public IEnumerable<string> TextHits(CatalogIndex index, int max)
    {
        if (_textScores is null)
        {
            var hits = index.Search(_terms, max);
            var best = hits.Count == 0 ? 1f : hits[0].Score;
            _textScores = hits.ToDictionary(h => h.Code, h => (double)(h.Score / best), StringComparer.Ordinal);
        }
        return _textScores.Keys;
    }

    /// <summary>0 to 1: this training's BM25 score relative to the best match.</summary>
    public double TextScore(string code) => _textScores?.GetValueOrDefault(code) ?? 0;

    public List<string> MatchedWords(HashSet<string> trainingTerms) =>
        [.. _terms.Distinct(StringComparer.Ordinal).Where(trainingTerms.Contains).Select(t => _wordByTerm.GetValueOrDefault(t, t)).Distinct(StringComparer.Ordinal)];
}
