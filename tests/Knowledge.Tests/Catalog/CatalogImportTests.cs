using AsnBot.Knowledge.Catalog;
using AsnBot.Knowledge.Competencies;
using AsnBot.Knowledge.Regions;

namespace AsnBot.Knowledge.Tests.Catalog;

public sealed class CatalogImportTests : IDisposable
{
    private static readonly CompetencyFramework Competencies = CompetencyFramework.Load(Path.Combine(RepoPaths.Data, "competencies.yaml"));
    private static readonly RegionDirectory Regions = RegionDirectory.Load(Path.Combine(RepoPaths.Data, "regions.yaml"));
    private static readonly ImportTexts Texts = ImportTexts.Load(Path.Combine(RepoPaths.Data, ImportTexts.FileName));
    private readonly string _folder = Directory.CreateTempSubdirectory("asnbot-catalog-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("catalog.csv")]
    [InlineData("catalog.xlsx")]
    public void The_shipped_catalog_survives_an_export_and_import_unchanged(string name)
    {
        var shipped = CatalogYaml.Load(Path.Combine(RepoPaths.Data, "catalog.yaml"));
        var path = Path.Combine(_folder, name);

        CatalogFiles.Write(path, CatalogFiles.FormatOf(path), shipped);
        var result = CatalogImport.Validate(CatalogFiles.Read(path), Competencies, Regions, Texts);

        Assert.Empty(result.Errors);
        Assert.Equal(Describe(shipped), Describe(result.Trainings));
    }

    [Fact]
    public void The_optional_cost_column_round_trips_reads_dotted_rupiah_and_a_file_without_it_still_imports()
    {
        var shipped = CatalogYaml.Load(Path.Combine(RepoPaths.Data, "catalog.yaml"));
        var exported = Path.Combine(_folder, "with-cost.csv");
        CatalogFiles.Write(exported, CatalogFormat.Csv, shipped);
        var roundTrip = CatalogImport.Validate(CatalogFiles.Read(exported), Competencies, Regions, Texts);
        Assert.Equal(shipped.Select(t => (t.Code, t.Cost)), roundTrip.Trainings.Select(t => (t.Code, t.Cost)));
        Assert.Contains(shipped, t => t.Cost is > 0);

        const string OldHeader = "code,title,description,competencies,path,mode,jp,provider,keywords,certificate,session_id,start,end,place,province,online,quota";
        var old = Path.Combine(_folder, "old.csv");
        File.WriteAllText(old, OldHeader + "\nOLD-1,Pelatihan Lama,Deskripsi,M.3:2,KL03,klasikal,16,BPSDM,excel,ya,,,,,,,\n");
        Assert.Null(Assert.Single(CatalogImport.Validate(CatalogFiles.Read(old), Competencies, Regions, Texts).Trainings).Cost);

        var priced = Path.Combine(_folder, "priced.csv");
        File.WriteAllText(priced, string.Join("\n", OldHeader + ",cost",
            "P-1,Pelatihan Satu,Deskripsi,M.3:2,KL03,klasikal,16,BPSDM,excel,ya,,,,,,,,1.500.000",
            "P-2,Pelatihan Dua,Deskripsi,M.3:2,KL03,klasikal,16,BPSDM,excel,ya,,,,,,,,sejuta"));
        var result = CatalogImport.Validate(CatalogFiles.Read(priced), Competencies, Regions, Texts);
        Assert.Equal([new ImportError(3, "cost", "'sejuta' bukan jumlah rupiah bulat (misalnya 1500000 atau 1.500.000)")], result.Errors);
        File.WriteAllText(priced, OldHeader + ",cost\nP-1,Pelatihan Satu,Deskripsi,M.3:2,KL03,klasikal,16,BPSDM,excel,ya,,,,,,,,1.500.000\n");
        Assert.Equal(1_500_000m, Assert.Single(CatalogImport.Validate(CatalogFiles.Read(priced), Competencies, Regions, Texts).Trainings).Cost);
    }

    [Fact]
    public void Invalid_rows_are_reported_by_row_column_and_reason_and_nothing_is_imported()
    {
        var path = Path.Combine(_folder, "bad.csv");
        File.WriteAllText(path, string.Join("\n",
            "code,title,description,competencies,path,mode,jp,provider,keywords,certificate,session_id,start,end,place,province,online,quota",
            "OK-1,Pelatihan Baik,Deskripsi,M.3:2,KL03,klasikal,16,BPSDM,excel,ya,OK-1-A,2027-02-01,2027-02-02,Kota Jambi,Jambi,tidak,30",
            "BAD-1,Pelatihan Rusak,,M.3:9,KL99,tatap muka,banyak,BPSDM,,ya,BAD-1-A,2027-31-01,,,Atlantis,tidak,30",
            "OK-1,Judul Lain,Deskripsi,M.3:2,KL03,klasikal,16,BPSDM,excel,ya,OK-1-A,2027-03-01,2027-03-02,Kota Jambi,Jambi,tidak,30"));

        var result = CatalogImport.Validate(CatalogFiles.Read(path), Competencies, Regions, Texts);

        Assert.Empty(result.Trainings);
        Assert.False(result.IsValid);
        Assert.Contains(new ImportError(3, "competencies", "'M.3:9' harus berbentuk KODE:LEVEL dengan level 1-5, misalnya M.3:2"), result.Errors);
        Assert.Contains(new ImportError(3, "path", "'KL99' bukan jalur pengembangan menurut Peraturan LAN 10/2018 (KL01-KL11, NKL01-NKL12)"), result.Errors);
        Assert.Contains(new ImportError(3, "mode", "'tatap muka' bukan klasikal, daring, atau blended"), result.Errors);
        Assert.Contains(new ImportError(3, "jp", "'banyak' bukan bilangan bulat dari 0 sampai 2000"), result.Errors);
        Assert.Contains(new ImportError(3, "start", "'2027-31-01' bukan tanggal dengan format tahun-bulan-tanggal (misalnya 2027-03-15)"), result.Errors);
        Assert.Contains(new ImportError(3, "place", "sesi tatap muka harus punya tempat"), result.Errors);
        Assert.Contains(new ImportError(3, "province", "'Atlantis' bukan provinsi di Indonesia"), result.Errors);
        Assert.Contains(new ImportError(4, "title", "berbeda dengan baris 2 untuk pelatihan yang sama"), result.Errors);
        Assert.Contains(new ImportError(4, "session_id", "sesi 'OK-1-A' sudah ada di baris 2"), result.Errors);
        Assert.Equal("baris 3, kolom path: 'KL99' bukan jalur pengembangan menurut Peraturan LAN 10/2018 (KL01-KL11, NKL01-NKL12)",
            Texts.Describe(result.Errors.First(e => e.Column == "path")));
    }

    [Fact]
    public void A_missing_column_is_reported_on_the_header_row()
    {
        var path = Path.Combine(_folder, "short.csv");
        File.WriteAllText(path, "code,title\nA-1,Judul\n");
        var result = CatalogImport.Validate(CatalogFiles.Read(path), Competencies, Regions, Texts);
        Assert.Contains(new ImportError(1, "competencies", "kolom ini tidak ada di baris judul"), result.Errors);
        Assert.Empty(result.Trainings);
    }

    [Fact]
    public void Progress_is_reported_up_to_every_row()
    {
        var path = Path.Combine(_folder, "catalog.csv");
        CatalogFiles.Write(path, CatalogFormat.Csv, CatalogYaml.Load(Path.Combine(RepoPaths.Data, "catalog.yaml")));
        var rows = CatalogFiles.Read(path);
        var reports = new List<ImportProgress>();

        CatalogImport.Validate(rows, Competencies, Regions, Texts, new SynchronousProgress(reports.Add));

        Assert.Equal(rows.Count, reports[^1].Done);
        Assert.Equal(rows.Count, reports[^1].Total);
    }

    private static List<string> Describe(IEnumerable<Training> trainings) =>
        [.. trainings.OrderBy(t => t.Code, StringComparer.Ordinal).Select(t =>
            $"{t.Code}|{t.Title}|{t.Description}|{t.Path}|{t.Mode}|{t.Jp}|{t.Provider}|{t.HasCertificate}|{string.Join(';', t.Keywords)}|" +
            string.Join(';', t.Competencies.Select(c => $"{c.CompetencyCode}:{c.Level}")) + "|" +
            string.Join(';', t.Sessions.OrderBy(s => s.Id, StringComparer.Ordinal).Select(s => $"{s.Id}:{s.Start}:{s.End}:{s.Place}:{s.Province}:{s.IsOnline}:{s.Quota}")))];

    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
