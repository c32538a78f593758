using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AsnBot.Knowledge.Catalog;
using AsnBot.Knowledge.Competencies;
using AsnBot.Knowledge.Recommendations;

// Builds the recommender over a generated catalog (the shipped trainings recombined into
// N variants with their words, competencies and sessions) and times recommendations for
// the kinds of requests the chat sends: free text, survey gaps, both.
var size = args.Length >= 2 && args[0] == "--trainings" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
var root = FindRoot();
var data = Path.Combine(root, "data");
var competencies = CompetencyFramework.Load(Path.Combine(data, "competencies.yaml"));
var texts = RecommendationTexts.Load(Path.Combine(data, "recommendation-texts.yaml"));
var seed = CatalogYaml.Load(Path.Combine(data, "catalog.yaml"));
var catalog = Generate(seed, size);

// One warm-up build so JIT time is not counted as index time.
new TrainingRecommender(seed, competencies, texts).Dispose();
var build = Stopwatch.StartNew();
using var recommender = new TrainingRecommender(catalog, competencies, texts);
build.Stop();

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
    indexBuildMs = Math.Round(build.Elapsed.TotalMilliseconds, 1),
    recommendations = timings.Count,
    p50Ms = Math.Round(Percentile(0.50), 3),
    p95Ms = Math.Round(Percentile(0.95), 3),
    p99Ms = Math.Round(Percentile(0.99), 3),
    // Figures on a shared machine are only as good as its load; it is printed with them.
    loadAverage = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "",
}));

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
