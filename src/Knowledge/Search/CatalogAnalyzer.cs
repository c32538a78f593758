using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Id;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace AsnBot.Knowledge.Search;

/// <summary>
/// The one text pipeline for the catalog and for what people type: the chat normaliser,
/// then Lucene's <see cref="IndonesianAnalyzer"/> with extra chat stop words and a
/// stem-exclusion set. The Indonesian stemmer is rule based and strips prefixes off
/// loanwords and acronyms ("digital" -> "gital", "pengadaan" -> "ada", "mentoring" -> "toring"),
/// which makes unrelated words collide; those terms are kept whole.
/// </summary>
public static partial class CatalogAnalyzer
{
    public static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Words the stemmer must leave alone: loanwords, acronyms and domain terms it would damage.</summary>
    public static readonly IReadOnlyList<string> StemExclusions =
    [
        "digital", "digitalisasi", "mentoring", "mentor", "coaching", "coach", "pengadaan", "egovernment", "egov", "eoffice",
        "ekatalog", "epurchasing", "ekinerja", "elearning", "spbe", "excel", "word", "powerpoint", "dinas", "disposisi",
        "diklat", "berkas", "perda", "pemda", "perkada", "perpres", "permen", "dashboard", "dasbor", "database", "monitoring",
        "sertifikasi", "data", "teknis", "website", "online", "daring", "internet", "media", "pivot", "vlookup", "kanban",
        "lapor", "sipd", "srikandi", "sakip", "lkjip", "lakip", "spse", "lpse", "renja", "renstra", "rka", "dpa", "sop",
        "akreditasi", "puskesmas", "posyandu", "presentasi", "administrasi", "aplikasi", "pelayanan", "layanan", "gaptek",
        "phishing", "password", "malware", "ransomware", "siber", "cyber", "hacker", "telaahan", "policy", "brief",
        "public", "speaking", "project", "management", "leadership", "integritas", "gratifikasi", "korupsi", "antikorupsi",
        "toleransi", "bendahara", "kontrak", "tender", "lelang", "katalog", "merge", "mail", "email", "laptop", "komputer",
        "pegawai", "kepegawaian", "pemerintah", "pemerintahan", "perencanaan", "perencana", "penganggaran", "pengaduan",
        "persuratan", "pemberkasan", "penyusutan", "perjanjian", "pertukaran", "detasering", "magang", "bimtek", "latsar",
        "berakhlak", "prioritas", "deadline", "tenggat", "kolaborasi", "koordinasi", "inovasi", "visualisasi", "statistik",
    ];

    /// <summary>Chat fillers that say nothing about a need, on top of the analyzer's stop words.</summary>
    private static readonly string[] ChatStopWords =
    [
        "banget", "sih", "dong", "nih", "deh", "kok", "lah", "yah", "ya", "pak", "bu", "kak", "mas", "mbak", "bang",
        "saya", "aku", "kami", "terus", "ingin", "mau", "cari", "carikan", "mencari", "pelatihan", "latihan", "kursus",
        "mohon", "tolong", "gimana", "bagaimana", "caranya", "cara", "apa", "apakah", "ada", "adakah", "nya", "kalau",
        "hal", "sekali", "lagi", "juga", "saja", "hanya", "doang", "kah", "buat", "membuat", "bisa",
    ];

    private static readonly CharArraySet StopWords = BuildStopWords();
    private static readonly CharArraySet Exclusions = new(Version, StemExclusions, ignoreCase: true);

    // Negations stay searchable words: "belum paham" is a need, "paham" is not.
    private static CharArraySet BuildStopWords() => new(
        Version,
        IndonesianAnalyzer.DefaultStopSet.Where(w => !IndonesianTextNormalizer.Negations.Contains(w)).Concat(ChatStopWords).ToList(),
        ignoreCase: true);

    /// <summary>
    /// <see cref="IndonesianAnalyzer"/>'s own chain (standard tokenizer, lower case, stop words,
    /// keyword marker, Indonesian stemmer) with the stemmer's results remembered per word:
    /// a catalog repeats the same few thousand words, and stemming them again each time was
    /// the largest part of building the index. Tests hold it to <see cref="CreateUnmemoized"/>.
    /// </summary>
    public static Analyzer Create() => new MemoizingIndonesianAnalyzer();

    /// <summary>Lucene's <see cref="IndonesianAnalyzer"/> with the same stop words and exclusions.</summary>
    internal static Analyzer CreateUnmemoized() => new IndonesianAnalyzer(Version, StopWords, Exclusions);

    private sealed class MemoizingIndonesianAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream result = new StandardFilter(Version, source);
            result = new LowerCaseFilter(Version, result);
            result = new StopFilter(Version, result, StopWords);
            result = new SetKeywordMarkerFilter(result, Exclusions);
            return new TokenStreamComponents(source, new MemoizedStemFilter(result));
        }
    }

    /// <summary>
    /// <see cref="IndonesianStemFilter"/> with a memory of the stems it computed. The stemmer is a
    /// pure function of the word; the memory is per token stream (one per thread and analyzer) and
    /// bounded, so a long-running server's query words cannot grow it without end.
    /// </summary>
    private sealed class MemoizedStemFilter : TokenFilter
    {
        private const int MaxEntries = 100_000;
        private readonly IndonesianStemmer _stemmer = new();
        private readonly ICharTermAttribute _term;
        private readonly IKeywordAttribute _keyword;
        private readonly Dictionary<string, string> _stems = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _stemsBySpan;

        public MemoizedStemFilter(TokenStream input)
            : base(input)
        {
            _term = AddAttribute<ICharTermAttribute>();
            _keyword = AddAttribute<IKeywordAttribute>();
            _stemsBySpan = _stems.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken())
                return false;
            if (_keyword.IsKeyword)
                return true;
            if (!_stemsBySpan.TryGetValue(_term.Buffer.AsSpan(0, _term.Length), out var stem))
            {
                var word = new string(_term.Buffer, 0, _term.Length);
                stem = new string(_term.Buffer, 0, _stemmer.Stem(_term.Buffer, _term.Length, stemDerivational: true));
                if (_stems.Count >= MaxEntries)
                    _stems.Clear();
                _stems[word] = stem;
            }
            _term.SetEmpty().Append(stem);
            return true;
        }
    }

    [GeneratedRegex(@"\b([a-z])-(?=[a-z]{3,})")]
    private static partial Regex SingleLetterPrefix();

    /// <summary>
    /// Chat normalisation, then "e-office" -> "eoffice": the tokenizer would split a
    /// one-letter prefix off and lose the term.
    /// </summary>
    public static string Prepare(string? text) =>
        SingleLetterPrefix().Replace(IndonesianTextNormalizer.Normalize(text), "$1");

    /// <summary>The terms a text becomes, in order, duplicates kept.</summary>
    public static List<string> Terms(Analyzer analyzer, string? text)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream("text", Prepare(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            terms.Add(term.ToString());
        stream.End();
        return terms;
    }
}
