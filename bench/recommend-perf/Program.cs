using System.Diagnostics;
using System.Globalization;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using AsnBot.Knowledge.Catalog;
using AsnBot.Knowledge.Competencies;
using AsnBot.Knowledge.Recommendations;
using AsnBot.Knowledge.Search;

// Builds the recommender over a generated catalog (the shipped trainings recombined into
// N variants with their words, competencies and sessions) and times recommendations for
// the kinds of requests the chat sends: free text, survey gaps, both.
// bench/run recommend-perf publishes it ReadyToRun first, as AsnBot is deployed; --jit runs the plain build.
var at = Array.IndexOf(args, "--trainings");
var size = at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : 10_000;
var root = FindRoot();
var data = Path.Combine(root, "data");
var competencies = CompetencyFramework.Load(Path.Combine(data, "competencies.yaml"));
var texts = RecommendationTexts.Load(Path.Combine(data, "recommendation-texts.yaml"));
var seed = CatalogYaml.Load(Path.Combine(data, "catalog.yaml"));
var catalog = Generate(seed, size);

// One warm-up build so JIT time is not counted as index time.
new TrainingRecommender(seed, competencies, texts).Dispose();

// The figure: the whole recommender (index, detector, competency lists). Wall time depends on
// what else the machine runs; CPU time of this process during the build much less so.
TrainingRecommender? built = null;
var build = Measure(() => built = new TrainingRecommender(catalog, competencies, texts));
built!.Dispose();
// The same build again, now that the runtime has optimised the code the first one ran (the
// small warm-up above leaves most of it to tiered compilation): what a catalog reload costs.
var rebuild = Measure(() => built = new TrainingRecommender(catalog, competencies, texts));
using var recommender = built!;

// Where the build's time goes, on standard error, after the figure above so it does not warm
// the code up for it: the text preparation alone (normaliser and prefix rule over every field),
// then the Lucene index alone.
var prepare = Measure(() =>
{
    foreach (var t in catalog)
        _ = CatalogAnalyzer.Prepare(t.Title).Length + CatalogAnalyzer.Prepare(string.Join(" . ", t.Keywords)).Length + CatalogAnalyzer.Prepare(t.Description).Length;
});
var indexOnly = Measure(() => CatalogIndex.Build(catalog, competencies).Dispose());
Console.Error.WriteLine($"prepare texts: {prepare.Wall:0} ms wall, {prepare.Cpu:0} ms CPU; index alone: {indexOnly.Wall:0} ms wall, {indexOnly.Cpu:0} ms CPU");

string[] needs =
[
    "sy blm paham excel, tiap bikin laporan lama bgt",
    "warga sering marah2 di loket krn berkas kurang",
    "arsip numpuk gak tau cara nyusutinnya",
    "pengen naik jabatan tp gak pede mimpin rapat",
    "cari pelatihan pengadaan barang jasa",
    "kantor udh pake e-office tp sy msh bingung disposisi",
];
CompetencyGap[][] gaps = [[], [new("M.3", 2, 1, 3)], [new("T.01", 1), new("M.5", 1)]];
var today = new DateOnly(2026, 11, 23);
var requests = needs.SelectMany(text => gaps.Select(g => new RecommendationRequest
{
    Text = text, Gaps = g, JobLevel = "pengawas", PreferredMode = "daring", Province = "Maluku", Top = 5, Today = today,
})).Concat(gaps.Skip(1).Select(g => new RecommendationRequest { Gaps = g, JobLevel = "pelaksana", Top = 5, Today = today })).ToList();

for (var i = 0; i < 50; i++)
    recommender.Recommend(requests[i % requests.Count]);
var timings = new List<double>();
for (var i = 0; i < 2_000; i++)
{
    var watch = Stopwatch.StartNew();
    recommender.Recommend(requests[i % requests.Count]);
    timings.Add(watch.Elapsed.TotalMilliseconds);
}
timings.Sort();
// The median per kind of request, on standard error, to see which kind is slow.
foreach (var request in requests)
{
    var each = new List<double>();
    for (var k = 0; k < 51; k++)
    {
        var watch = Stopwatch.StartNew();
        recommender.Recommend(request);
        each.Add(watch.Elapsed.TotalMilliseconds);
    }
    each.Sort();
    Console.Error.WriteLine($"text '{request.Text}', {request.Gaps.Count} gap(s): median {each[25]:0.00} ms");
}
double Percentile(double p) => timings[Math.Min(timings.Count - 1, (int)Math.Ceiling(p * timings.Count) - 1)];

Console.WriteLine(JsonSerializer.Serialize(new
{
    trainings = catalog.Count,
    // Whether the index code (AsnBot and Lucene.Net) runs precompiled or waits for the JIT.
    readyToRun = IsReadyToRun(typeof(CatalogIndex)) && IsReadyToRun(typeof(Lucene.Net.Index.IndexWriter)),
    indexBuildMs = Math.Round(build.Wall, 1),
    indexBuildCpuMs = Math.Round(build.Cpu, 1),
    indexRebuildMs = Math.Round(rebuild.Wall, 1),
    indexRebuildCpuMs = Math.Round(rebuild.Cpu, 1),
    recommendations = timings.Count,
    p50Ms = Math.Round(Percentile(0.50), 3),
    p95Ms = Math.Round(Percentile(0.95), 3),
    p99Ms = Math.Round(Percentile(0.99), 3),
    // Figures on a shared machine are only as good as its load; it is printed with them.
    loadAverage = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "",
}));

// Wall and CPU milliseconds of one run (CPU over all threads of the process: Lucene merges on its own threads).
static (double Wall, double Cpu) Measure(Action action)
{
    var process = Process.GetCurrentProcess();
    var cpu = process.TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    action();
    watch.Stop();
    process.Refresh();
    return (watch.Elapsed.TotalMilliseconds, (process.TotalProcessorTime - cpu).TotalMilliseconds);
}

// A ReadyToRun assembly carries native code, announced by its CLI header's managed native header.
static bool IsReadyToRun(Type type)
{
    using var reader = new PEReader(File.OpenRead(type.Assembly.Location));
    return reader.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
}

static List<Training> Generate(IReadOnlyList<Training> seed, int size)
{
    var random = new Random(20261123);
    var words = seed.SelectMany(t => t.Keywords).Distinct(StringComparer.Ordinal).ToArray();
    var list = new List<Training>(size);
    for (var i = 0; i < size; i++)
    {
        var source = seed[i % seed.Count];
        var code = $"GEN-{i:00000}";
        var extra = Enumerable.Range(0, 3).Select(_ => words[random.Next(words.Length)]).ToList();
        list.Add(new Training
        {
            Code = code,
            Title = source.Title + " Angkatan " + (i / seed.Count + 1).ToString(CultureInfo.InvariantCulture),
            Description = source.Description + " Materi tambahan: " + string.Join(", ", extra) + ".",
            Path = source.Path,
            Mode = (TrainingMode)random.Next(3),
            Jp = source.Jp,
            Provider = source.Provider,
            Keywords = [.. source.Keywords, .. extra],
            HasCertificate = source.HasCertificate,
            Competencies = [.. source.Competencies.Select(c => new TrainingCompetency { TrainingCode = code, CompetencyCode = c.CompetencyCode, Level = c.Level })],
            Sessions = [.. source.Sessions.Select((s, n) => new TrainingSession
            {
                Id = $"{code}-{n}", TrainingCode = code, Start = s.Start.AddDays(random.Next(-30, 60)), End = s.End.AddDays(random.Next(0, 3)),
                Place = s.Place, Province = s.Province, IsOnline = s.IsOnline, Quota = random.Next(0, 40),
            })],
        });
    }
    return list;
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "AsnBot.sln")))
            return dir.FullName;
    }
    throw new InvalidOperationException("AsnBot.sln not found above " + AppContext.BaseDirectory);
}
