using AsnBot.Knowledge.Profiles;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace AsnBot.Knowledge.Regions;

public sealed record Province(string Name, IndonesianTimeZone TimeZone, IReadOnlyList<string> Aliases, IReadOnlyList<string> Cities);

/// <summary>Indonesia's provinces with their time zone, from <c>data/regions.yaml</c>.</summary>
public sealed class RegionDirectory
{
    private readonly Dictionary<string, Province> _byName;

    public RegionDirectory(IEnumerable<Province> provinces)
    {
        ArgumentNullException.ThrowIfNull(provinces);
        Provinces = provinces.ToList();
        _byName = new Dictionary<string, Province>(StringComparer.Ordinal);
        foreach (var province in Provinces)
        {
            _byName.TryAdd(Key(province.Name), province);
            foreach (var alias in province.Aliases)
                _byName.TryAdd(Key(alias), province);
        }
    }

    public IReadOnlyList<Province> Provinces { get; }

    /// <summary>Finds a province as people type it: "Maluku", "prov. jawa tengah", "jateng".</summary>
    public Province? Find(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
            return null;
        var key = Key(typed);
        if (_byName.TryGetValue(key, out var province))
            return province;
        foreach (var prefix in new[] { "provinsi", "prov", "propinsi" })
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal) && _byName.TryGetValue(key[prefix.Length..], out province))
                return province;
        }
        return null;
    }

    private static string Key(string text) =>
        new(text.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());

    public static RegionDirectory Load(string path)
    {
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .IgnoreUnmatchedProperties()
            .Build();
        using var reader = File.OpenText(path);
        var file = deserializer.Deserialize<RegionsFile>(reader)
            ?? throw new InvalidDataException($"{path}: empty file");
        var provinces = file.Provinces.Select(p => new Province(
            p.Name ?? throw new InvalidDataException($"{path}: a province has no name"),
            Enum.TryParse<IndonesianTimeZone>(p.TimeZone, ignoreCase: true, out var zone)
                ? zone
                : throw new InvalidDataException($"{path}: province '{p.Name}' has time_zone '{p.TimeZone}', expected WIB, WITA or WIT"),
            p.Aliases ?? [],
            p.Cities ?? []));
        return new RegionDirectory(provinces);
    }

    private sealed class RegionsFile
    {
        public List<ProvinceEntry> Provinces { get; set; } = [];
    }

    private sealed class ProvinceEntry
    {
        public string? Name { get; set; }
        public string? TimeZone { get; set; }
        public List<string>? Aliases { get; set; }
        public List<string>? Cities { get; set; }
    }
}
