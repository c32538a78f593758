using AsnBot.Knowledge.Competencies;
using AsnBot.Knowledge.Search;
using Lucene.Net.Analysis;

namespace AsnBot.Knowledge.Recommendations;

/// <summary>
/// Recognises competencies in free text through the dictionary's keywords, analysed the
/// same way as the text: a keyword counts when all its terms occur in the message.
/// </summary>
public sealed class CompetencyDetector
{
    private readonly List<(string Code, string[] Terms)> _keywords = [];

    public CompetencyDetector(CompetencyFramework competencies, Analyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(competencies);
        foreach (var competency in competencies.All)
        {
            foreach (var keyword in competency.Keywords.Append(competency.Name))
            {
                var terms = CatalogAnalyzer.Terms(analyzer, keyword).Distinct(StringComparer.Ordinal).ToArray();
                if (terms.Length > 0)
                    _keywords.Add((competency.Code, terms));
            }
        }
    }

    /// <summary>Competency codes with the number of their keywords found, most first.</summary>
    public IReadOnlyDictionary<string, int> Detect(IReadOnlySet<string> textTerms)
    {
        ArgumentNullException.ThrowIfNull(textTerms);
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (code, terms) in _keywords)
        {
            if (terms.All(textTerms.Contains))
                found[code] = found.GetValueOrDefault(code) + terms.Length;
        }
        return found;
    }
}
