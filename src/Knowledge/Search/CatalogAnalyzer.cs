using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Id;
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
    /// <see cref="IndonesianAnalyzer"/>'s terms for text that went through <see cref="Prepare"/>
    /// (every caller's does), worked out once per word and then remembered. Lower case, stop
    /// words, keyword marker and stemmer each look at one word alone, and the standard tokenizer
    /// never joins across what the normaliser leaves between words (spaces, and '-' or '/'
    /// inside them), so splitting there first and running Lucene's own chain on each new word
    /// gives the same terms. A catalog repeats the same few thousand words: building the index
    /// spent most of its analysis running the chain (the tokenizer's state machine and four
    /// filters) on words it had already seen. Tests hold it to <see cref="CreateUnmemoized"/>.
    /// </summary>
    public static Analyzer Create() => new MemoizingIndonesianAnalyzer();

    /// <summary>Lucene's <see cref="IndonesianAnalyzer"/> with the same stop words and exclusions.</summary>
    internal static Analyzer CreateUnmemoized() => new IndonesianAnalyzer(Version, StopWords, Exclusions);

    // Analyses the words not seen before; an analyzer serves every thread, each with its own stream.
    private static readonly Analyzer WordChain = CreateUnmemoized();

    private sealed class MemoizingIndonesianAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new WordTokenizer(reader);
            return new TokenStreamComponents(source, new RememberedTermsFilter(source));
        }
    }

    /// <summary>Runs of letters and digits; the text is read whole (fields and messages are short).</summary>
    private sealed class WordTokenizer : Tokenizer
    {
        private readonly ICharTermAttribute _term;
        private readonly IOffsetAttribute _offset;
        private char[] _text = new char[1024];
        private int _length;
        private int _next;

        public WordTokenizer(TextReader input)
            : base(input)
        {
            _term = AddAttribute<ICharTermAttribute>();
            _offset = AddAttribute<IOffsetAttribute>();
        }

        public override void Reset()
        {
            base.Reset();
            _length = 0;
            _next = 0;
            int read;
            while ((read = m_input.Read(_text, _length, _text.Length - _length)) > 0)
            {
                _length += read;
                if (_length == _text.Length)
                    Array.Resize(ref _text, _text.Length * 2);
            }
        }

        public override bool IncrementToken()
        {
            ClearAttributes();
            while (_next < _length && !char.IsLetterOrDigit(_text[_next]))
                _next++;
            if (_next >= _length)
                return false;
            var start = _next;
            while (_next < _length && char.IsLetterOrDigit(_text[_next]))
                _next++;
            _term.CopyBuffer(_text, start, _next - start);
            _offset.SetOffset(CorrectOffset(start), CorrectOffset(_next));
            return true;
        }

        public override void End()
        {
            base.End();
            var end = CorrectOffset(_length);
            _offset.SetOffset(end, end);
        }
    }

    /// <summary>
    /// Replaces each word with the terms <see cref="WordChain"/> makes of it (none for a stop
    /// word, one almost always). The memory is per token stream (one per thread and analyzer)
    /// and bounded, so a long-running server's query words cannot grow it without end.
    /// </summary>
    private sealed class RememberedTermsFilter : TokenFilter
    {
        private const int MaxEntries = 100_000;
        private readonly ICharTermAttribute _term;
        private readonly Dictionary<string, string[]> _terms = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> _termsBySpan;
        private string[] _pending = [];
        private int _nextPending;

        public RememberedTermsFilter(TokenStream input)
            : base(input)
        {
            _term = AddAttribute<ICharTermAttribute>();
            _termsBySpan = _terms.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public override bool IncrementToken()
        {
            while (_nextPending >= _pending.Length)
            {
                if (!m_input.IncrementToken())
                    return false;
                if (!_termsBySpan.TryGetValue(_term.Buffer.AsSpan(0, _term.Length), out var terms))
                {
                    var word = new string(_term.Buffer, 0, _term.Length);
                    terms = [.. AnalyseWord(word)];
                    if (_terms.Count >= MaxEntries)
                        _terms.Clear();
                    _terms[word] = terms;
                }
                _pending = terms;
                _nextPending = 0;
            }
            _term.SetEmpty().Append(_pending[_nextPending++]);
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            _pending = [];
            _nextPending = 0;
        }

        private static List<string> AnalyseWord(string word)
        {
            using var stream = WordChain.GetTokenStream("text", word);
            return ReadTerms(stream);
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
        using var stream = analyzer.GetTokenStream("text", Prepare(text));
        return ReadTerms(stream);
    }

    /// <summary>Every term of a fresh token stream, in order, through to its end.</summary>
    private static List<string> ReadTerms(TokenStream stream)
    {
        var terms = new List<string>();
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            terms.Add(term.ToString());
        stream.End();
        return terms;
    }
}
