using System.Text.RegularExpressions;
using AsnBot.Knowledge.Catalog;
using AsnBot.Knowledge.Competencies;
using AsnBot.Knowledge.Enrollments;
using AsnBot.Knowledge.LearningHours;
using AsnBot.Knowledge.Mentoring;
using AsnBot.Knowledge.Profiles;
using AsnBot.Knowledge.Regions;
using AsnBot.Knowledge.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AsnBot.Knowledge.Tests.Catalog;

/// <summary>
/// Coordinators read row errors and refusals in Indonesian: every reason a catalog file, an
/// attendance list, a status change or a mentoring sheet can produce is one of the sentences of data/import-texts.yaml.
/// </summary>
public sealed partial class ImportTextsTests : IAsyncLifetime
{
    private static readonly ImportTexts Texts = ImportTexts.Load(Path.Combine(RepoPaths.Data, ImportTexts.FileName));
    private static readonly CompetencyFramework Competencies = CompetencyFramework.Load(Path.Combine(RepoPaths.Data, "competencies.yaml"));
    private static readonly RegionDirectory Regions = RegionDirectory.Load(Path.Combine(RepoPaths.Data, "regions.yaml"));
    private static readonly JpConversionTable Conversion = JpConversionTable.Load(Path.Combine(RepoPaths.Data, "jp-conversion.yaml"));

    /// <summary>Sentences no file row produces: the line around a reason, the dashboard form's own check, and a file unreadable as a whole (tested below).</summary>
    private static readonly string[] NotRowReasons =
        ["row_error", "file_refused", "change_refused", "catalog.code_taken", "file.cannot_read", "file.format", "file.columns", "file.unreadable"];

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero));
    private readonly string _folder = Directory.CreateTempSubdirectory("asnbot-import-texts-").FullName;
    private TestDatabase _database = null!;
    private Person _person = null!;

    [GeneratedRegex(@"\b(is|not|the|must|cannot|row|column|empty|missing|already|only|with|from|and|or|of)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishWord();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _person = await _database.AddPersonAsync();
        await using var db = _database.Open();
        db.Add(new Training { Code = "LD-01", Title = "Pelatihan Literasi Digital", Path = "KL03", Mode = TrainingMode.Klasikal, Jp = 24 });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void A_file_that_cannot_be_read_at_all_is_explained_in_Indonesian_by_its_format_its_columns_or_its_damage()
    {
        string Unreadable(string name, string content)
        {
            var path = Path.Combine(_folder, name);
            File.WriteAllText(path, content);
            var error = Assert.ThrowsAny<CatalogFileException>(() => CatalogFiles.Read(path));
            return Texts.Unreadable(error);
        }

        Assert.Equal(
            "'.pdf' bukan format yang bisa dibaca; gunakan berkas .csv atau .xlsx",
            Texts.Unreadable(Assert.ThrowsAny<CatalogFileException>(() => CatalogFiles.FormatOf("katalog.pdf"))));
        Assert.Equal(
            "setiap baris harus punya kolom sebanyak baris judul (isi sel kosong untuk kolom yang tidak wajib)",
            Unreadable("pendek.csv", "code,title,description\nPLT-1,Judul,Deskripsi\nPLT-2,Judul\n"));
        // Not a zip at all: the reader's own message speaks of zip entries, which no coordinator should read.
        Assert.Equal("berkas rusak atau bukan lembar kerja CSV/XLSX", Texts.Unreadable(new InvalidDataException("End of Central Directory record could not be found.")));
        Assert.Equal(
            "Berkas katalog.xlsx tidak dapat dibaca: berkas rusak atau bukan lembar kerja CSV/XLSX",
            Texts.Format("file.cannot_read", ("file", "katalog.xlsx"), ("reason", Texts.Unreadable(new IOException("disk")))));
    }

    [Fact]
    public void Every_sentence_of_the_import_texts_is_written_in_Indonesian()
    {
        foreach (var (key, text) in Texts.Texts)
            Assert.False(EnglishWord().IsMatch(WithoutPlaceholders(text)), $"{key}: \"{text}\" reads as English");
    }

    [Fact]
    public void A_texts_file_without_a_sentence_or_a_status_name_is_refused_naming_what_is_missing()
    {
        var texts = Texts.Texts.Where(t => t.Key != "catalog.mode").ToDictionary();
        var refused = Assert.Throws<InvalidDataException>(() => new ImportTexts(texts, new Dictionary<string, string> { ["interest"] = "minat" }));
        Assert.Contains("catalog.mode", refused.Message, StringComparison.Ordinal);
        Assert.Contains("statuses.registered", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_reason_a_catalog_file_an_attendance_list_a_status_change_or_a_mentoring_sheet_gives_is_an_Indonesian_sentence_of_the_texts()
    {
        var reasons = new List<string>();
        reasons.AddRange(CatalogReasons());
        reasons.AddRange(await AttendanceReasonsAsync());
        reasons.AddRange(await MentoringReasonsAsync());
        foreach (var from in Enum.GetValues<EnrollmentStatus>())
        {
            foreach (var to in Enum.GetValues<EnrollmentStatus>())
            {
                if (EnrollmentTransitions.Problem(from, to, Texts) is { } refused)
                    reasons.Add(refused);
            }
        }

        var used = reasons.Select(reason => (Reason: reason, Key: KeyOf(reason))).ToList();
        Assert.All(used, u => Assert.True(u.Key is not null, $"\"{u.Reason}\" is not a sentence of {ImportTexts.FileName}"));
        // The files above hit every kind of row error: a new kind needs a row here, so it is checked too.
        Assert.Empty(Texts.Texts.Keys.Except(NotRowReasons).Except(used.Select(u => u.Key!)).Order(StringComparer.Ordinal));
    }

    private List<string> CatalogReasons()
    {
        string[][] rows =
        [
            ["OK-1", "Pelatihan Baik", "Deskripsi", "M.3:2", "KL03", "klasikal", "16", "BPSDM", "excel", "ya", "OK-1-A", "2027-02-01", "2027-02-02", "Kota Jambi", "Jambi", "tidak", "30", ""],
            ["BAD 1", "", "", "M.3:9", "KL99", "tatap muka", "banyak", "BPSDM", "", "mungkin", "BAD-1-A", "2027-31-01", "", "", "Atlantis", "tidak", "30", "sejuta"],
            ["OK-1", "Judul Lain", "Deskripsi", "M.3:2", "KL03", "klasikal", "16", "BPSDM", "excel", "ya", "OK-1-A", "2027-03-01", "2027-03-02", "Kota Jambi", "Jambi", "tidak", "30", ""],
            ["C-1", "Pelatihan C", "Deskripsi", "Z.9:2", "KL03", "klasikal", "16", "BPSDM", "", "ya", "", "2027-03-01", "", "", "", "", "", ""],
            ["D-1", "Pelatihan D", "Deskripsi", "M.3:2; M.3:3", "KL03", "klasikal", "16", "BPSDM", "", "ya", "D_1 A", "2027-03-05", "2027-03-01", "Kota Jambi", "Jambi", "tidak", "30", ""],
        ];
        var path = Path.Combine(_folder, "katalog.csv");
        File.WriteAllLines(path, [string.Join(',', CatalogSheet.Columns), .. rows.Select(r => string.Join(',', r))]);
        var shortPath = Path.Combine(_folder, "pendek.csv");
        File.WriteAllText(shortPath, "code,title\nA-1,Judul\n");

        var errors = CatalogImport.Validate(CatalogFiles.Read(path), Competencies, Regions, Texts).Errors
            .Concat(CatalogImport.Validate(CatalogFiles.Read(shortPath), Competencies, Regions, Texts).Errors).ToList();
        Assert.All(errors, e => Assert.Matches(@"^baris \d+, kolom [a-z_]+: ", Texts.Describe(e)));
        return [.. errors.Select(e => e.Reason)];
    }

    private async Task<List<string>> AttendanceReasonsAsync()
    {
        var nip = _person.Nip;
        var path = Path.Combine(_folder, "hadir.csv");
        File.WriteAllText(path, string.Join('\n',
            "nip,training,status,session",
            $"{nip},LD-01,lulus,",
            $"{nip},LD-01,tidak-lulus,",
            $"{nip},LD-01,hadir,",
            $"{nip},LD-01,terdaftar,",
            $"{nip},LD-01,lulus,",
            $"{nip},LD-01,hadir,",
            $"{nip},LD-01,hadir,LD-01-X",
            $"{nip},NOPE,hadir,",
            "199001012015011999,LD-01,hadir,",
            ",LD-01,hadir,",
            $"{nip},,hadir,",
            $"{nip},LD-01,setengah,"));
        var shortPath = Path.Combine(_folder, "hadir-pendek.csv");
        File.WriteAllText(shortPath, "nip,kode\n1,LD-01\n");

        await using var db = _database.Open();
        var import = new AttendanceImport(new EnrollmentService(db, new LearningHoursLedger(db, Conversion, _clock), Texts, _clock), Texts, db);
        var errors = (await import.ImportAsync(CatalogFiles.Read(path), CancellationToken.None)).Errors
            .Concat((await import.ImportAsync(CatalogFiles.Read(shortPath), CancellationToken.None)).Errors).ToList();
        Assert.All(errors, e => Assert.Matches(@"^baris \d+, kolom [a-z_]+: ", Texts.Describe(e)));
        return [.. errors.Select(e => e.Reason)];
    }

    /// <summary>A mentoring sheet's own checks, then (on a sheet that passes them) every refusal of a pairing.</summary>
    private async Task<List<string>> MentoringReasonsAsync()
    {
        await using var db = _database.Open();
        var mentee = await _database.AddPersonAsync();
        var nip = _person.Nip;
        const string Unknown = "199001012015011999";
        var errors = new List<ImportError>();
        async Task ImportAsync(params string[] rows)
        {
            var path = Path.Combine(_folder, "pasangan.csv");
            File.WriteAllLines(path, ["mentor_nip,mentee_nip,every_days,first_session,role,coordinator_nip", .. rows]);
            var result = await MentoringImport.ImportAsync(db, Texts, path, null, _clock.GetUtcNow(), CancellationToken.None);
            Assert.Equal(0, result.Paired);
            errors.AddRange(result.Errors);
        }

        await ImportAsync($",{mentee.Nip},14,,mentor,", $"{nip},{mentee.Nip},0,,mentor,", $"{nip},{mentee.Nip},14,15-12-2026,mentor,", $"{nip},{mentee.Nip},14,,kakak,");
        await ImportAsync(
            $"{Unknown},{mentee.Nip},14,,mentor,", $"{nip},{Unknown},14,,mentor,", $"{nip},{mentee.Nip},14,,mentor,{Unknown}",
            $"{nip},{nip},14,,mentor,", $"{nip},{mentee.Nip},14,2026-11-01,mentor,");
        Assert.Equal(9, errors.Count);
        Assert.All(errors, e => Assert.Matches(@"^baris \d+, kolom [a-z_]+: ", Texts.Describe(e)));
        return [.. errors.Select(e => e.Reason)];
    }

    /// <summary>The key of the sentence <paramref name="reason"/> was written from, its placeholders standing for any text.</summary>
    private static string? KeyOf(string reason) =>
        Texts.Texts.Where(t => !NotRowReasons.Contains(t.Key))
            .FirstOrDefault(t => Regex.IsMatch(reason, "^" + string.Join(".+", Placeholder().Split(t.Value).Select(Regex.Escape)) + "$", RegexOptions.Singleline)).Key;

    private static string WithoutPlaceholders(string text) => Placeholder().Replace(text, " ");

    [GeneratedRegex(@"\{[a-z_]+\}")]
    private static partial Regex Placeholder();
}
