using AsnBot.Knowledge.Search;

namespace AsnBot.Knowledge.Answers;

/// <summary>
/// A menu feature that free text can lead to. A route matches when one of its phrases
/// occurs in the normalised text, its words in order with at most <see cref="IntentRoutes.MaxGap"/>
/// other words between them, and none of its <see cref="Unless"/> words occurs.
/// A route with a <see cref="SearchAnswer"/> hands the rest of the text to the dialog as that answer.
/// An <see cref="IsWholeMessage"/> route (a greeting) matches only a message of at most
/// two words more than the phrase, so "halo, jp saya berapa?" still reaches the JP ledger.
/// </summary>
public sealed record IntentRoute(string Id, string Dialog, string SearchAnswer, string Says, IReadOnlyList<string[]> Phrases, IReadOnlySet<string> Unless)
{
    public bool IsWholeMessage { get; init; }

    public bool IsSearch => SearchAnswer.Length > 0;
}

/// <summary>The route a text took, and for a search what remains of the text once the phrase and fillers are taken out.</summary>
public sealed record RouteMatch(IntentRoute Route, string SearchText);

/// <summary>The route table of <c>data/questions.yaml</c>, tried in file order: the first route that matches wins.</summary>
public sealed class IntentRoutes
{
    public const int MaxGap = 2;

    private readonly HashSet<string> _fillers;

    public IntentRoutes(IReadOnlyList<IntentRoute> routes, IEnumerable<string> fillers)
    {
        Routes = routes;
        _fillers = [.. fillers.Select(IndonesianTextNormalizer.Normalize)];
    }

    public IReadOnlyList<IntentRoute> Routes { get; }

    public RouteMatch? Match(string? text)
    {
        var words = IndonesianTextNormalizer.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
            return null;
        foreach (var route in Routes)
        {
            if (words.Any(route.Unless.Contains))
                continue;
            foreach (var phrase in route.Phrases)
            {
                if (route.IsWholeMessage && words.Length > phrase.Length + MaxGap)
                    continue;
                if (Find(words, phrase) is { } used)
                    return new RouteMatch(route, route.IsSearch ? Rest(words, used) : "");
            }
        }
        return null;
    }

    /// <summary>The positions of the phrase's words, or null when it does not occur.</summary>
    private static List<int>? Find(string[] words, string[] phrase)
    {
        for (var start = 0; start < words.Length; start++)
        {
            if (words[start] != phrase[0])
                continue;
            var used = new List<int> { start };
            var at = start;
            foreach (var word in phrase.Skip(1))
            {
                var next = Array.FindIndex(words, at + 1, Math.Min(MaxGap + 1, words.Length - at - 1), w => w == word);
                if (next < 0)
                    break;
                used.Add(at = next);
            }
            if (used.Count == phrase.Length)
                return used;
        }
        return null;
    }

    private string Rest(string[] words, List<int> used) =>
        string.Join(' ', words.Where((word, i) => !used.Contains(i) && !_fillers.Contains(word)));
}
