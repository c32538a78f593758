using System.Collections.Frozen;
using System.Text;

namespace AsnBot.Knowledge.Search;

/// <summary>
/// Turns chat Indonesian into the written form the analyzer and the catalog use:
/// lower case, elongations folded ("bangeeet" -> "banget"), reduplication written out
/// ("dikit2" -> "dikit dikit"), and a curated list of abbreviations and slang expanded.
/// Negations map to exactly one negation word each, never to something weaker, because
/// "tidak paham" and "paham" mean opposite things.
/// </summary>
public static class IndonesianTextNormalizer
{
    /// <summary>The negation words the expansions produce; tests hold the list to them.</summary>
    public static readonly FrozenSet<string> Negations = new[] { "tidak", "belum", "bukan", "jangan" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> Expansions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // negations: each to its own word
        ["gak"] = "tidak", ["ga"] = "tidak", ["gk"] = "tidak", ["tdk"] = "tidak", ["nggak"] = "tidak", ["ngga"] = "tidak",
        ["enggak"] = "tidak", ["engga"] = "tidak", ["kagak"] = "tidak", ["ndak"] = "tidak", ["tak"] = "tidak",
        ["blm"] = "belum", ["blum"] = "belum", ["belom"] = "belum",
        ["bkn"] = "bukan", ["bukn"] = "bukan",
        ["jgn"] = "jangan", ["jngn"] = "jangan",
        // pronouns and people
        ["sy"] = "saya", ["aq"] = "aku", ["gw"] = "saya", ["gue"] = "saya", ["gua"] = "saya",
        ["org"] = "orang", ["kmi"] = "kami", ["dgn"] = "dengan", ["dg"] = "dengan",
        // function words
        ["yg"] = "yang", ["utk"] = "untuk", ["untk"] = "untuk", ["krn"] = "karena", ["karna"] = "karena", ["krna"] = "karena",
        ["tp"] = "tapi", ["tpi"] = "tapi", ["jg"] = "juga", ["jga"] = "juga", ["bs"] = "bisa", ["bsa"] = "bisa",
        ["lg"] = "lagi", ["lgi"] = "lagi", ["dr"] = "dari", ["dri"] = "dari", ["pd"] = "pada", ["dlm"] = "dalam",
        ["sm"] = "sama", ["ama"] = "sama", ["klo"] = "kalau", ["kalo"] = "kalau", ["skrg"] = "sekarang",
        ["skrang"] = "sekarang", ["knp"] = "kenapa", ["gmn"] = "bagaimana", ["gimana"] = "bagaimana", ["gmna"] = "bagaimana",
        ["msh"] = "masih", ["masi"] = "masih", ["hrs"] = "harus", ["ttg"] = "tentang", ["mksh"] = "terima kasih",
        ["makasih"] = "terima kasih", ["trims"] = "terima kasih", ["sdh"] = "sudah", ["udh"] = "sudah", ["udah"] = "sudah",
        ["dah"] = "sudah", ["sdah"] = "sudah", ["bgt"] = "banget", ["bngt"] = "banget", ["trs"] = "terus", ["trus"] = "terus",
        ["lwt"] = "lewat", ["spt"] = "seperti", ["kyk"] = "seperti", ["kayak"] = "seperti", ["aja"] = "saja", ["aj"] = "saja",
        ["sj"] = "saja", ["tdi"] = "tadi", ["bln"] = "bulan", ["thn"] = "tahun", ["hr"] = "hari", ["mgg"] = "minggu",
        ["sblm"] = "sebelum", ["stlh"] = "setelah", ["smua"] = "semua", ["sbg"] = "sebagai", ["tsb"] = "tersebut",
        ["dll"] = "dan lain lain", ["dst"] = "dan seterusnya", ["bbrp"] = "beberapa", ["byk"] = "banyak", ["bnyk"] = "banyak",
        ["sering2"] = "sering", ["emg"] = "memang", ["emang"] = "memang", ["bener"] = "benar", ["bnr"] = "benar",
        // everyday verbs as people type them
        ["bljr"] = "belajar", ["blajar"] = "belajar", ["pengen"] = "ingin", ["pgn"] = "ingin", ["pingin"] = "ingin", ["ngerti"] = "mengerti", ["ngrti"] = "mengerti", ["tau"] = "tahu", ["tw"] = "tahu",
        ["pake"] = "pakai", ["bikin"] = "membuat", ["bkin"] = "membuat", ["ngurus"] = "mengurus", ["ngadepin"] = "menghadapi",
        ["ngomong"] = "berbicara", ["ngobrol"] = "berbicara", ["nanya"] = "bertanya", ["nyari"] = "mencari", ["cariin"] = "carikan",
        ["ngajarin"] = "mengajari", ["ngatur"] = "mengatur", ["nyusun"] = "menyusun", ["ngolah"] = "mengolah",
        ["ngisi"] = "mengisi", ["ngetik"] = "mengetik", ["ikutan"] = "ikut", ["kerjaan"] = "pekerjaan", ["krjaan"] = "pekerjaan",
        ["nggarap"] = "mengerjakan", ["ngerjain"] = "mengerjakan", ["dikasih"] = "diberi", ["ngasih"] = "memberi",
        ["liat"] = "lihat", ["ngeliat"] = "melihat", ["dapet"] = "dapat", ["dpt"] = "dapat", ["sampe"] = "sampai",
        ["cuma"] = "hanya", ["cuman"] = "hanya", ["doang"] = "saja", ["gede"] = "besar", ["kelar"] = "selesai",
        // work words
        ["kntr"] = "kantor", ["laporan2"] = "laporan", ["atsn"] = "atasan", ["komp"] = "komputer",
        ["info"] = "informasi", ["app"] = "aplikasi", ["apk"] = "aplikasi", ["apl"] = "aplikasi", ["presentasinya"] = "presentasi",
        // standard spellings of loanwords (KBBI), as the catalog writes them
        ["dashboard"] = "dasbor", ["nolak"] = "menolak", ["ngajak"] = "mengajak", ["ngajaknya"] = "mengajaknya",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Spans look words up without cutting each one out of the text first: the catalog's
    // whole vocabulary passes through here when the index is built.
    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> ExpansionsBySpan =
        Expansions.GetAlternateLookup<ReadOnlySpan<char>>();

    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return string.Empty;
        var lower = text.ToLowerInvariant();
        var output = new StringBuilder(lower.Length + 16);
        var start = -1;
        for (var i = 0; i <= lower.Length; i++)
        {
            if (IsWordChar(lower, i, start >= 0))
            {
                if (start < 0)
                    start = i;
            }
            else if (start >= 0)
            {
                AppendExpanded(output, lower.AsSpan(start, i - start));
                start = -1;
            }
        }
        return output.ToString();
    }

    /// <summary>A letter or digit, or a '-' or '/' inside a word (followed by a letter or digit).</summary>
    private static bool IsWordChar(string text, int i, bool inWord) =>
        i < text.Length && (char.IsLetterOrDigit(text[i])
            || (text[i] is '-' or '/' && inWord && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])));

    private static void AppendExpanded(StringBuilder output, ReadOnlySpan<char> token)
    {
        if (ExpansionsBySpan.TryGetValue(token, out var known))
        {
            Append(output, known);
            return;
        }
        // "dikit2", "marah2": the digit 2 writes a reduplication.
        if (token.Length > 2 && token[^1] == '2' && char.IsLetter(token[^2]))
        {
            var stem = Fold(token[..^1]);
            var word = ExpansionsBySpan.TryGetValue(stem, out var expanded) ? expanded : stem.ToString();
            Append(output, word);
            Append(output, word);
            return;
        }
        if (token.IndexOfAny(DigitsAndInnerMarks) >= 0)
        {
            Append(output, token);
            return;
        }
        var folded = Fold(token);
        if (ExpansionsBySpan.TryGetValue(folded, out known))
            Append(output, known);
        // "bgtt", "pusingg": a doubled last letter is typed emphasis, not spelling.
        else if (folded.Length > 2 && folded[^1] == folded[^2] && ExpansionsBySpan.TryGetValue(folded[..^1], out known))
            Append(output, known);
        else
            Append(output, folded);
    }

    private static readonly System.Buffers.SearchValues<char> DigitsAndInnerMarks = System.Buffers.SearchValues.Create("0123456789-/");

    private static void Append(StringBuilder output, ReadOnlySpan<char> word)
    {
        if (output.Length > 0)
            output.Append(' ');
        output.Append(word);
    }

    /// <summary>Three or more of the same letter are an elongation: "bangeeet" -> "banget".</summary>
    private static ReadOnlySpan<char> Fold(ReadOnlySpan<char> token)
    {
        if (!HasElongation(token))
            return token;
        var result = new StringBuilder(token.Length);
        for (var i = 0; i < token.Length; i++)
        {
            var run = 1;
            while (i + run < token.Length && token[i + run] == token[i])
                run++;
            result.Append(token[i], run >= 3 ? 1 : run);
            i += run - 1;
        }
        return result.ToString();
    }

    private static bool HasElongation(ReadOnlySpan<char> token)
    {
        for (var i = 2; i < token.Length; i++)
        {
            if (token[i] == token[i - 1] && token[i] == token[i - 2])
                return true;
        }
        return false;
    }
}
