using System.Globalization;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace AsnBot.Knowledge.LearningHours;

/// <summary>How one development path converts into JP (Peraturan LAN 10/2018's annex, per agency).</summary>
public sealed record JpRule(string PathCode, string Name, decimal JpPerUnit, decimal? CapPerDay, decimal? CapPerYear);

/// <summary>
/// The agency's JP conversion table, from <c>data/jp-conversion.yaml</c>. Classroom trainings
/// carry their own JP; the table gives the default per unit and the caps.
/// </summary>
public sealed class JpConversionTable
{
    private readonly Dictionary<string, JpRule> _byPath;

    public JpConversionTable(IEnumerable<JpRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Rules = rules.ToList();
        _byPath = Rules.ToDictionary(r => r.PathCode, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<JpRule> Rules { get; }

    public JpRule? Find(string pathCode) => _byPath.GetValueOrDefault(pathCode);

    public JpRule Get(string pathCode) =>
        Find(pathCode) ?? throw new ArgumentException($"No JP conversion rule for path '{pathCode}' in jp-conversion.yaml.", nameof(pathCode));

    public static JpConversionTable Load(string path)
    {
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .Build();
        using var reader = File.OpenText(path);
        var file = deserializer.Deserialize<ConversionFile>(reader) ?? throw new InvalidDataException($"{path}: empty file");
        var rules = file.Paths.Select(p => new JpRule(
            p.Code ?? throw new InvalidDataException($"{path}: a path has no code"),
            p.Name ?? p.Code,
            p.JpPerUnit is > 0 ? p.JpPerUnit.Value : throw new InvalidDataException($"{path}: path '{p.Code}' needs jp_per_unit above 0"),
            Positive(path, p.Code, "cap_per_day", p.CapPerDay),
            Positive(path, p.Code, "cap_per_year", p.CapPerYear))).ToList();
        var duplicate = rules.GroupBy(r => r.PathCode, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidDataException($"{path}: path '{duplicate.Key}' appears {duplicate.Count().ToString(CultureInfo.InvariantCulture)} times");
        return new JpConversionTable(rules);
    }

    private static decimal? Positive(string path, string code, string key, decimal? value) =>
        value is null or > 0 ? value : throw new InvalidDataException($"{path}: path '{code}' has {key} {value}, expected a number above 0");

    private sealed class ConversionFile
    {
        public List<PathEntry> Paths { get; set; } = [];
    }

    private sealed class PathEntry
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public decimal? JpPerUnit { get; set; }
        public decimal? CapPerDay { get; set; }
        public decimal? CapPerYear { get; set; }
    }
}
