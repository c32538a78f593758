using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace AsnBot.Knowledge.Competencies;

/// <summary>
/// The competency dictionary and the level each job level requires, from
/// <c>data/competencies.yaml</c>. Managerial and socio-cultural competencies take the job
/// level's required level; technical ones take the agency's <c>technical_required_level</c>.
/// </summary>
public sealed class CompetencyFramework
{
    private readonly Dictionary<string, Competency> _byCode;
    private readonly Dictionary<string, JobLevel> _jobLevels;
    private readonly Dictionary<string, int> _technicalRequired;

    public CompetencyFramework(IEnumerable<Competency> competencies, IEnumerable<JobLevel> jobLevels, IReadOnlyDictionary<string, int> technicalRequired)
    {
        All = competencies.ToList();
        _byCode = All.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);
        _jobLevels = jobLevels.ToDictionary(j => j.Value, StringComparer.OrdinalIgnoreCase);
        _technicalRequired = new Dictionary<string, int>(technicalRequired, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<Competency> All { get; }

    /// <summary>The managerial and socio-cultural competencies every civil servant rates.</summary>
    public IEnumerable<Competency> Core => All.Where(c => !c.IsTechnical);

    public IEnumerable<Competency> Technical => All.Where(c => c.IsTechnical);

    public IReadOnlyCollection<JobLevel> JobLevels => _jobLevels.Values;

    public Competency? Find(string code) => _byCode.GetValueOrDefault(code.Trim());

    public Competency Get(string code) => Find(code) ?? throw new KeyNotFoundException($"Unknown competency '{code}'.");

    public JobLevel? FindJobLevel(string? value) => value is null ? null : _jobLevels.GetValueOrDefault(value.Trim());

    /// <summary>The level a job level asks of a competency; null for an unknown job level.</summary>
    public int? RequiredLevel(string competencyCode, string? jobLevel)
    {
        if (FindJobLevel(jobLevel) is not { } level)
            return null;
        return Get(competencyCode).IsTechnical && _technicalRequired.TryGetValue(level.Value, out var technical)
            ? technical
            : level.RequiredLevel;
    }

    public static CompetencyFramework Load(string path)
    {
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .IgnoreUnmatchedProperties()
            .Build();
        using var reader = File.OpenText(path);
        var file = deserializer.Deserialize<DictionaryFile>(reader) ?? throw new InvalidDataException($"{path}: empty file");
        var competencies = file.Competencies.Select(c => new Competency(
            c.Code ?? throw new InvalidDataException($"{path}: a competency has no code"),
            ParseGroup(path, c),
            c.Name ?? throw new InvalidDataException($"{path}: competency '{c.Code}' has no name"),
            c.Description ?? "",
            c.Keywords ?? [],
            c.Levels is { Count: 5 } levels ? levels : throw new InvalidDataException($"{path}: competency '{c.Code}' needs 5 level sentences")));
        var jobLevels = file.JobLevels.Select(j => new JobLevel(
            j.Value ?? throw new InvalidDataException($"{path}: a job level has no value"),
            j.Label ?? j.Value,
            j.Track ?? "",
            j.RequiredLevel is >= 1 and <= 5 ? j.RequiredLevel : throw new InvalidDataException($"{path}: job level '{j.Value}' needs required_level 1-5")));
        return new CompetencyFramework(competencies, jobLevels, file.TechnicalRequiredLevel);
    }

    private static CompetencyGroup ParseGroup(string path, CompetencyEntry entry) => entry.Group switch
    {
        "manajerial" => CompetencyGroup.Manajerial,
        "sosial-kultural" or "sosial_kultural" or "sosialkultural" => CompetencyGroup.SosialKultural,
        "teknis" => CompetencyGroup.Teknis,
        var other => throw new InvalidDataException($"{path}: competency '{entry.Code}' has group '{other}', expected manajerial, sosial-kultural or teknis"),
    };

    private sealed class DictionaryFile
    {
        public List<CompetencyEntry> Competencies { get; set; } = [];
        public List<JobLevelEntry> JobLevels { get; set; } = [];
        public Dictionary<string, int> TechnicalRequiredLevel { get; set; } = [];
    }

    private sealed class CompetencyEntry
    {
        public string? Code { get; set; }
        public string? Group { get; set; }
        public string? Name { get; set; }
        public string? Description { get; set; }
        public List<string>? Keywords { get; set; }
        public Dictionary<int, string>? Levels { get; set; }
    }

    private sealed class JobLevelEntry
    {
        public string? Value { get; set; }
        public string? Label { get; set; }
        public string? Track { get; set; }
        public int RequiredLevel { get; set; }
    }
}
