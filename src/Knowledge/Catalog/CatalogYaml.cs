using System.Globalization;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace AsnBot.Knowledge.Catalog;

/// <summary>Reads the default catalog shipped in <c>data/catalog.yaml</c>.</summary>
public static class CatalogYaml
{
    public static IReadOnlyList<Training> Load(string path)
    {
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .IgnoreUnmatchedProperties()
            .Build();
        using var reader = File.OpenText(path);
        var file = deserializer.Deserialize<CatalogFile>(reader) ?? throw new InvalidDataException($"{path}: empty file");
        return file.Trainings.Select(t => ToTraining(path, t)).ToList();
    }

    private static Training ToTraining(string path, TrainingEntry entry)
    {
        var code = entry.Code ?? throw new InvalidDataException($"{path}: a training has no code");
        return new Training
        {
            Code = code,
            Title = entry.Title ?? throw new InvalidDataException($"{path}: training '{code}' has no title"),
            Description = entry.Description ?? "",
            Path = entry.Path ?? throw new InvalidDataException($"{path}: training '{code}' has no path"),
            Mode = Enum.TryParse<TrainingMode>(entry.Mode, ignoreCase: true, out var mode)
                ? mode
                : throw new InvalidDataException($"{path}: training '{code}' has mode '{entry.Mode}', expected klasikal, daring or blended"),
            Jp = entry.Jp,
            Provider = entry.Provider ?? "",
            Cost = entry.Cost,
            Keywords = entry.Keywords ?? [],
            HasCertificate = entry.Certificate,
            Competencies = (entry.Competencies ?? []).Select(c => new TrainingCompetency { TrainingCode = code, CompetencyCode = c.Code ?? "", Level = c.Level }).ToList(),
            Sessions = (entry.Sessions ?? []).Select(s => new TrainingSession
            {
                Id = s.Id ?? throw new InvalidDataException($"{path}: a session of '{code}' has no id"),
                TrainingCode = code,
                Start = DateOnly.ParseExact(s.Start ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture),
                End = DateOnly.ParseExact(s.End ?? s.Start ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Place = s.Place ?? "",
                Province = string.IsNullOrWhiteSpace(s.Province) ? null : s.Province,
                IsOnline = s.Online,
                Quota = s.Quota,
            }).ToList(),
        };
    }

    private sealed class CatalogFile
    {
        public List<TrainingEntry> Trainings { get; set; } = [];
    }

    private sealed class TrainingEntry
    {
        public string? Code { get; set; }
        public string? Title { get; set; }
        public string? Description { get; set; }
        public List<CompetencyEntry>? Competencies { get; set; }
        public string? Path { get; set; }
        public string? Mode { get; set; }
        public int Jp { get; set; }
        public string? Provider { get; set; }
        public decimal? Cost { get; set; }
        public List<string>? Keywords { get; set; }
        public bool Certificate { get; set; }
        public List<SessionEntry>? Sessions { get; set; }
    }

    private sealed class CompetencyEntry
    {
        public string? Code { get; set; }
        public int Level { get; set; }
    }

    private sealed class SessionEntry
    {
        public string? Id { get; set; }
        public string? Start { get; set; }
        public string? End { get; set; }
        public string? Place { get; set; }
        public string? Province { get; set; }
        public bool Online { get; set; }
        public int Quota { get; set; }
    }
}
