using System.Globalization;
using AsnBot.Knowledge.Catalog;
using AsnBot.Knowledge.Competencies;
using AsnBot.Knowledge.Search;

namespace AsnBot.Knowledge.Recommendations;

/// <summary>
/// Ranks the catalog for one person. The score adds up what the person told us (the words
/// of their message, weighted by BM25; the gaps of their survey; competencies recognised in
/// their words) and what makes a training practical for them (their preferred mode, an
/// open session with seats, in their province or online, JP still needed this year).
/// Every part that counted becomes a reason in Indonesian.
/// </summary>
public sealed class TrainingRecommender : IDisposable
{
    public const int YearlyJpRight = 20;

    private const int TextCandidates = 40;
    private const double TextWeight = 1.0;
    private const double GapWeight = 0.8;
    private const double DetectedWeight = 0.5;
    private const double ModeBonus = 0.08;
    private const double OpenSessionBonus = 0.08;
    private const double NoOpenSessionPenalty = 0.3;
    private const double PlaceBonus = 0.06;
    private const double JpBonus = 0.04;
    private const double LevelFitBonus = 0.05;

    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");
    private static readonly HashSet<string> SocialPaths = ["NKL01", "NKL02", "NKL07", "NKL10"];
    private static readonly HashSet<string> OnTheJobPaths = ["NKL05", "NKL08", "NKL11", "NKL12"];

    private readonly Dictionary<string, Training> _trainings;
    private readonly Dictionary<string, List<Training>> _byCompetency = new(StringComparer.OrdinalIgnoreCase);
    // The words a reason may quote, those of a training's title and keywords, analysed when first shown.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, HashSet<string>> _termsByTraining = new(StringComparer.Ordinal);
    private readonly CatalogIndex _index;
    private readonly CompetencyDetector _detector;
    private readonly CompetencyFramework _competencies;
    private readonly RecommendationTexts _texts;

    public TrainingRecommender(IReadOnlyList<Training> trainings, CompetencyFramework competencies, RecommendationTexts texts)
    {
        ArgumentNullException.ThrowIfNull(trainings);
        _competencies = competencies;
        _texts = texts;
        _trainings = trainings.ToDictionary(t => t.Code, StringComparer.Ordinal);
        // Sessions in date order once, so finding the next open one stops early.
        foreach (var training in trainings)
            training.Sessions.Sort((a, b) => a.Start.CompareTo(b.Start));
        _index = CatalogIndex.Build(trainings, competencies);
        _detector = new CompetencyDetector(competencies, _index.Analyzer);
        foreach (var training in trainings)
        {
            foreach (var competency in training.Competencies)
            {
                if (!_byCompetency.TryGetValue(competency.CompetencyCode, out var list))
                    _byCompetency[competency.CompetencyCode] = list = [];
                list.Add(training);
            }
        }
    }

    public int Count => _trainings.Count;

    /// <summary>
    /// Trainings whose words match already analysed question terms, best first. Coverage is
    /// the share of the terms (less <paramref name="neutral"/> ones, such as "kapan") that the
    /// training's title and keywords contain.
    /// </summary>
    public IReadOnlyList<CatalogMatch> Search(IReadOnlyCollection<string> terms, IReadOnlySet<string> neutral, int max, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(neutral);
        var counted = terms.Distinct(StringComparer.Ordinal).Where(t => !neutral.Contains(t)).ToList();
        if (counted.Count == 0)
            return [];
        var request = new RecommendationRequest { Today = today };
        var matches = new List<CatalogMatch>();
        foreach (var hit in _index.Search(counted, max))
        {
            var training = _trainings[hit.Code];
            var quotable = QuotableTerms(training);
            matches.Add(new CatalogMatch(training, (double)counted.Count(quotable.Contains) / counted.Count, NextSession(training, request.Today, request.Province)));
        }
        return matches;
    }

    public Training? Find(string code) => _trainings.GetValueOrDefault(code.Trim().ToUpperInvariant()) ?? _trainings.GetValueOrDefault(code.Trim());

    public Recommendation Recommend(RecommendationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = new QueryFacts(request, _index.Analyzer, _detector);
        var scoring = new Scoring(request, query);
        // A survey gap can bring thousands of candidates: they are scored in one pass, and only
        // the few shown are put in order, not the whole list.
        var scored = new List<Scored>();
        foreach (var training in Candidates(request, query))
        {
            if (request.Excluded.Contains(training.Code))
                continue;
            var score = Score(training, scoring);
            if (score.Relevance > 0)
                scored.Add(score);
        }
        var top = Best(scored, Math.Max(1, request.Top), _ => true).Select(s => Result(s, request, query)).ToList();
        return new Recommendation(top, Mix(scored, request, query));
    }

    /// <summary>Best first: the higher total, then the training code, so equal scores keep one order.</summary>
    private static int Ranking(Scored a, Scored b)
    {
        var byTotal = b.Total.CompareTo(a.Total);
        return byTotal != 0 ? byTotal : string.CompareOrdinal(a.Training.Code, b.Training.Code);
    }

    /// <summary>The first <paramref name="count"/> trainings that fit, in ranking order, without sorting them all.</summary>
    private static List<Scored> Best(List<Scored> scored, int count, Func<Training, bool> fits)
    {
        var best = new List<Scored>(Math.Min(count, scored.Count) + 1);
        foreach (var candidate in scored)
        {
            if (best.Count == count && Ranking(candidate, best[^1]) >= 0)
                continue;
            if (!fits(candidate.Training))
                continue;
            var at = best.Count;
            while (at > 0 && Ranking(candidate, best[at - 1]) < 0)
                at--;
            best.Insert(at, candidate);
            if (best.Count > count)
                best.RemoveAt(count);
        }
        return best;
    }

    private IEnumerable<Training> Candidates(RecommendationRequest request, QueryFacts query)
    {
        var seen = new HashSet<Training>(ReferenceEqualityComparer.Instance);
        foreach (var hit in query.TextHits(_index, TextCandidates))
        {
            if (_trainings.TryGetValue(hit, out var training) && seen.Add(training))
                yield return training;
        }
        var codes = request.Gaps.Where(g => g.Gap > 0).Select(g => g.Code).Concat(query.Detected.Keys);
        foreach (var code in codes)
        {
            foreach (var training in _byCompetency.GetValueOrDefault(code) ?? [])
            {
                if (seen.Add(training))
                    yield return training;
            }
        }
    }

    /// <summary>
    /// What every candidate is scored against, worked out once per request: a survey gap can
    /// bring thousands of candidates, so the loop reads arrays, not the request's lists.
    /// </summary>
    private sealed class Scoring
    {
        public Scoring(RecommendationRequest request, QueryFacts query)
        {
            Query = query;
            Gaps = [.. request.Gaps.Where(g => g.Gap > 0)];
            Detected = [.. query.Detected];
            TotalGap = Gaps.Sum(g => g.Gap);
            TotalDetected = Detected.Sum(d => d.Value);
            PreferredMode = Enum.GetValues<TrainingMode>()
                .Where(m => string.Equals(m.ToString(), request.PreferredMode, StringComparison.OrdinalIgnoreCase))
                .Cast<TrainingMode?>()
                .FirstOrDefault();
            Province = string.IsNullOrWhiteSpace(request.Province) ? null : request.Province.Trim();
            Today = request.Today;
            JpNeeded = (double)Math.Max(0m, YearlyJpRight - request.JpThisYear);
        }

        public QueryFacts Query { get; }
        public CompetencyGap[] Gaps { get; }
        public KeyValuePair<string, int>[] Detected { get; }
        public int TotalGap { get; }
        public int TotalDetected { get; }
        public TrainingMode? PreferredMode { get; }
        public string? Province { get; }
        public DateOnly Today { get; }
        public double JpNeeded { get; }
    }

    /// <summary>The numbers only: reasons are written later, for the few trainings shown.</summary>
    private static Scored Score(Training training, Scoring scoring)
    {
        var text = scoring.Query.TextScore(training.Code);
        var coveredGap = 0;
        var levelFits = false;
        foreach (var gap in scoring.Gaps)
        {
            if (Level(training, gap.Code) is not { } level)
                continue;
            coveredGap += gap.Gap;
            levelFits |= gap.Required is { } required && level >= required;
        }
        var detectedHere = 0;
        foreach (var (code, weight) in scoring.Detected)
        {
            if (Level(training, code) is not null)
                detectedHere += weight;
        }
        var relevance = TextWeight * text
            + GapWeight * (scoring.TotalGap == 0 ? 0 : (double)coveredGap / scoring.TotalGap)
            + DetectedWeight * (scoring.TotalDetected == 0 ? 0 : (double)detectedHere / scoring.TotalDetected);

        var practical = levelFits ? LevelFitBonus : 0;
        if (training.Mode == scoring.PreferredMode)
            practical += ModeBonus;
        var session = NextSession(training, scoring.Today, scoring.Province);
        if (training.Sessions.Count == 0)
            practical += OpenSessionBonus;
        else if (session is null)
            practical -= NoOpenSessionPenalty;
        else
            practical += OpenSessionBonus + (session.IsOnline || IsSameProvince(session, scoring.Province) ? PlaceBonus : 0);
        if (scoring.JpNeeded > 0 && training.Jp > 0)
            practical += JpBonus * Math.Min(1.0, training.Jp / scoring.JpNeeded);
        return new Scored(training, relevance, relevance + practical, session);
    }

    private HashSet<string> QuotableTerms(Training training) =>
        _termsByTraining.GetOrAdd(training.Code, _ =>
            CatalogAnalyzer.Terms(_index.Analyzer, training.Title + " . " + string.Join(" . ", training.Keywords)).ToHashSet(StringComparer.Ordinal));

    private static int? Level(Training training, string competencyCode)
    {
        foreach (var competency in training.Competencies)
        {
            if (string.Equals(competency.CompetencyCode, competencyCode, StringComparison.OrdinalIgnoreCase))
                return competency.Level;
        }
        return null;
    }

    /// <summary>Every part of the score that counted for this training, as a sentence.</summary>
    private List<string> Explain(Scored scored, RecommendationRequest request, QueryFacts query)
    {
        var training = scored.Training;
        var reasons = new List<string>();
        var coveredGaps = request.Gaps.Where(g => g.Gap > 0 && Level(training, g.Code) is not null).OrderByDescending(g => g.Gap).ToList();
        foreach (var gap in coveredGaps.Take(2))
            reasons.Add(GapReason(gap, request.JobLevel));
        if (query.TextScore(training.Code) > 0 && query.MatchedWords(QuotableTerms(training)) is { Count: > 0 } words)
            reasons.Add(_texts.Format("text_match", ("terms", string.Join(", ", words.Take(4)))));
        var detected = query.Detected.Where(d => Level(training, d.Key) is not null).OrderByDescending(d => d.Value).ToList();
        if (detected.Count > 0 && coveredGaps.Count == 0)
            reasons.Add(_texts.Format("detected", ("competency", _competencies.Get(detected[0].Key).Name)));
        if (!string.IsNullOrEmpty(request.PreferredMode) && string.Equals(training.Mode.ToString(), request.PreferredMode, StringComparison.OrdinalIgnoreCase))
            reasons.Add(_texts.Format("mode_match", ("mode", _texts.Mode(request.PreferredMode))));
        if (training.Sessions.Count == 0)
            reasons.Add(_texts.Get("on_request"));
        else if (scored.Session is { } session)
        {
            var date = session.Start.ToString("d MMMM yyyy", Indonesian);
            if (session.IsOnline)
                reasons.Add(_texts.Format("session_online", ("date", date)));
            else if (IsSameProvince(session, request.Province))
                reasons.Add(_texts.Format("session_same_province", ("date", date), ("place", session.Place)));
            else
                reasons.Add(_texts.Format("session_elsewhere", ("date", date), ("place", session.Place)));
        }
        if (YearlyJpRight - request.JpThisYear > 0 && training.Jp > 0)
            reasons.Add(_texts.Format("jp_needed", ("jp", training.Jp), ("jp_so_far", request.JpThisYear.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("id-ID")))));
        return reasons;
    }

    private string GapReason(CompetencyGap gap, string? jobLevel)
    {
        var name = _competencies.Find(gap.Code)?.Name ?? gap.Code;
        var required = gap.Required ?? _competencies.RequiredLevel(gap.Code, jobLevel);
        var current = gap.Current ?? (required is { } r ? Math.Max(1, r - gap.Gap) : null);
        return required is { } req && current is { } cur
            ? _texts.Format("gap_with_levels", ("competency", name), ("current", cur), ("required", req))
            : _texts.Format("gap_only", ("competency", name), ("gap", gap.Gap));
    }

    /// <summary>The first future session with seats, preferring the person's province or online.</summary>
    private static TrainingSession? NextSession(Training training, DateOnly today, string? province)
    {
        TrainingSession? first = null;
        foreach (var session in training.Sessions)
        {
            if (session.Start <= today || session.Quota <= 0)
                continue;
            if (session.IsOnline || IsSameProvince(session, province))
                return session;
            first ??= session;
        }
        return first;
    }

    private static bool IsSameProvince(TrainingSession session, string? province) =>
        !string.IsNullOrWhiteSpace(province) && string.Equals(session.Province, province.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>The best relevant course, social and on-the-job item: the 10:20:70 mix, as far as the catalog has them.</summary>
    private List<MixItem> Mix(List<Scored> scored, RecommendationRequest request, QueryFacts query)
    {
        var mix = new List<MixItem>();
        void Pick(string part, Func<Training, bool> fits)
        {
            if (Best(scored, 1, fits) is [var best])
                mix.Add(new MixItem(_texts.Get(part), Result(best, request, query)));
        }
        Pick("mix_course", t => !SocialPaths.Contains(t.Path) && !OnTheJobPaths.Contains(t.Path));
        Pick("mix_social", t => SocialPaths.Contains(t.Path));
        Pick("mix_on_the_job", t => OnTheJobPaths.Contains(t.Path));
        return mix;
    }

    public void Dispose() => _index.Dispose();

    private RecommendedTraining Result(Scored scored, RecommendationRequest request, QueryFacts query) => new(
        scored.Training.Code,
        scored.Training.Title,
        [.. scored.Training.Competencies.Select(c => c.CompetencyCode)],
        Math.Round(scored.Total, 3),
        Explain(scored, request, query),
        scored.Training.Path,
        scored.Training.Mode.ToString().ToLowerInvariant(),
        scored.Training.Jp,
        scored.Training.Provider,
        scored.Session?.Id,
        scored.Session?.Start);

    private sealed record Scored(Training Training, double Relevance, double Total, TrainingSession? Session);
}

/// <summary>A training found for a question, with how much of the question it covers and its next open session.</summary>
public sealed record CatalogMatch(Training Training, double Coverage, TrainingSession? NextSession);
