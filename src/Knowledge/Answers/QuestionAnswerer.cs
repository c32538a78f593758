using System.Globalization;
using AsnBot.Knowledge.Catalog;
using AsnBot.Knowledge.Recommendations;
using AsnBot.Knowledge.Search;
using Lucene.Net.Analysis;

namespace AsnBot.Knowledge.Answers;

/// <summary>
/// Answers a question without any language model: a menu feature when the route table says
/// so, else the knowledge entry or the catalog trainings that cover the question best, else
/// a hand-off to a coordinator. Both searches use the catalog's Indonesian pipeline.
/// </summary>
public sealed class QuestionAnswerer : IDisposable
{
    /// <summary>Below this coverage a knowledge entry is a guess, not an answer.</summary>
    public const double FaqThreshold = 0.5;

    /// <summary>A catalog answer needs most of the question's words in a training's title or keywords.</summary>
    public const double CatalogThreshold = 0.6;

    private const int Candidates = 3;
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    private readonly Analyzer _analyzer = CatalogAnalyzer.Create();
    private readonly KnowledgeIndex _index;
    private readonly QuestionContent _content;
    private readonly HashSet<string> _scheduleTerms;
    private readonly HashSet<string> _asksScheduleWords;

    public QuestionAnswerer(KnowledgeBase knowledge, QuestionContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        _content = content;
        _index = new KnowledgeIndex(knowledge, _analyzer);
        _scheduleTerms = [.. content.ScheduleWords.SelectMany(w => CatalogAnalyzer.Terms(_analyzer, w))];
        // Plain words, not terms: "kapan" is a stop word of the analyzer.
        _asksScheduleWords = [.. content.AsksSchedule.Select(IndonesianTextNormalizer.Normalize)];
    }

    public QuestionContent Content => _content;

    /// <summary>The menu feature the text asks for, or null when it is a question.</summary>
    public QuestionAnswer? Route(string? text)
    {
        if (_content.Routes.Match(text) is not { } match)
            return null;
        return new QuestionAnswer(AnswerRoute.Feature, match.Route.Says, ["dialog:" + match.Route.Dialog])
        {
            Dialog = match.Route.Dialog,
            SearchText = match.SearchText,
        };
    }

    /// <summary>The route table first, then retrieval.</summary>
    public QuestionAnswer Answer(string? text, TrainingRecommender? catalog, DateOnly today) =>
        Route(text) ?? Retrieve(text, catalog, today);

    /// <summary>The knowledge base and the catalog only: faq, catalog or handoff.</summary>
    public QuestionAnswer Retrieve(string? text, TrainingRecommender? catalog, DateOnly today)
    {
        var terms = CatalogAnalyzer.Terms(_analyzer, text);
        var entries = _index.Search(terms, Candidates);
        var trainings = catalog?.Search(terms, _scheduleTerms, Candidates, today) ?? [];
        var passages = entries.Select(h => ToPassage(h.Entry)).Concat(trainings.Select(ToPassage)).ToList();

        var faq = entries.Count > 0 ? entries[0] : null;
        var faqCoverage = faq?.Coverage ?? 0;
        var catalogCoverage = trainings.Count > 0 ? trainings[0].Coverage : 0;
        var asksSchedule = IndonesianTextNormalizer.Normalize(text).Split(' ').Any(_asksScheduleWords.Contains);
        if (faq is not null && faqCoverage >= FaqThreshold && faqCoverage >= catalogCoverage && !(asksSchedule && catalogCoverage >= CatalogThreshold))
            return FaqAnswer(faq.Entry, passages);
        if (catalogCoverage >= CatalogThreshold)
            return CatalogAnswer(trainings.Where(t => t.Coverage >= CatalogThreshold).ToList(), passages);
        if (faq is not null && faqCoverage >= FaqThreshold)
            return FaqAnswer(faq.Entry, passages);
        return new QuestionAnswer(AnswerRoute.Handoff, _content.Texts["handoff"], []) { Passages = passages };
    }

    /// <summary>Trainings for a query, however weak the match: for a language model's catalog function.</summary>
    public IReadOnlyList<CatalogMatch> SearchCatalog(string? query, TrainingRecommender catalog, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return catalog.Search(CatalogAnalyzer.Terms(_analyzer, query), _scheduleTerms, 5, today);
    }

    private QuestionAnswer FaqAnswer(KnowledgeEntry entry, IReadOnlyList<Passage> passages) =>
        new(AnswerRoute.Faq, _content.Format("faq", ("answer", entry.Answer), ("source", entry.Source)), ["knowledge:" + entry.Id])
        {
            Passages = passages,
        };

    private QuestionAnswer CatalogAnswer(List<CatalogMatch> matches, IReadOnlyList<Passage> passages)
    {
        var lines = matches.Select(m => _content.Format("catalog_item",
            ("title", m.Training.Title), ("code", m.Training.Code), ("mode", m.Training.Mode.ToString().ToLowerInvariant()),
            ("jp", m.Training.Jp.ToString(CultureInfo.InvariantCulture)), ("provider", m.Training.Provider),
            ("session", Session(m.NextSession))));
        var answer = _content.Texts["catalog_intro"] + "\n" + string.Join("\n", lines);
        return new QuestionAnswer(AnswerRoute.Catalog, answer, [.. matches.Select(m => "catalog:" + m.Training.Code)]) { Passages = passages };
    }

    private string Session(TrainingSession? session) => session is null
        ? _content.Texts["catalog_on_request"]
        : _content.Format("catalog_session", ("date", session.Start.ToString("d MMMM yyyy", Indonesian)), ("place", session.Place),
            ("quota", session.Quota.ToString(CultureInfo.InvariantCulture)));

    private static Passage ToPassage(KnowledgeEntry entry) => new("knowledge:" + entry.Id, entry.Question, entry.Answer, entry.Source);

    private Passage ToPassage(CatalogMatch match)
    {
        var training = match.Training;
        var text = _content.Format("catalog_passage", ("description", training.Description), ("mode", training.Mode.ToString().ToLowerInvariant()),
            ("jp", training.Jp.ToString(CultureInfo.InvariantCulture)), ("provider", training.Provider), ("session", Session(match.NextSession)));
        return new Passage("catalog:" + training.Code, training.Title, text, _content.Texts["catalog_source"]);
    }

    public void Dispose()
    {
        _index.Dispose();
        _analyzer.Dispose();
    }
}
