using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace AsnBot.Knowledge.Mentoring;

/// <summary>A milestone of the change project, due this many days after its start.</summary>
public sealed record MilestoneTemplate(int Day, string Title);

/// <summary>
/// Mentoring rules from <c>data/mentoring.yaml</c>: how long a mentor has to record a session
/// before it counts as missed, how many misses in a row reach the coordinator, which trainings
/// lead to a change project (aksi perubahan) and its milestones.
/// </summary>
public sealed record MentoringSettings(
    int RecordWithinDays,
    int MissesToEscalate,
    IReadOnlyList<string> LeadershipTrainings,
    int ChangeProjectDays,
    IReadOnlyList<MilestoneTemplate> Milestones)
{
    public bool IsLeadershipTraining(string trainingCode) => LeadershipTrainings.Contains(trainingCode, StringComparer.OrdinalIgnoreCase);

    public static MentoringSettings Load(string path)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        using var reader = File.OpenText(path);
        var file = deserializer.Deserialize<SettingsFile>(reader) ?? throw new InvalidDataException($"{path}: empty file");
        if (file.RecordWithinDays < 1 || file.MissesToEscalate < 1)
            throw new InvalidDataException($"{path}: record_within_days and misses_to_escalate must be at least 1");
        var project = file.ChangeProject ?? throw new InvalidDataException($"{path}: change_project is missing");
        if (project.Milestones.Count == 0 || project.Milestones.Any(m => string.IsNullOrWhiteSpace(m.Title) || m.Day < 1 || m.Day > project.Days))
            throw new InvalidDataException($"{path}: each change_project milestone needs a title and a day between 1 and {project.Days}");
        return new MentoringSettings(
            file.RecordWithinDays, file.MissesToEscalate, file.LeadershipTrainings, project.Days,
            [.. project.Milestones.OrderBy(m => m.Day).Select(m => new MilestoneTemplate(m.Day, m.Title!.Trim()))]);
    }

    private sealed class SettingsFile
    {
        public int RecordWithinDays { get; set; } = 3;
        public int MissesToEscalate { get; set; } = 2;
        public List<string> LeadershipTrainings { get; set; } = [];
        public ProjectEntry? ChangeProject { get; set; }
    }

    private sealed class ProjectEntry
    {
        public int Days { get; set; } = 60;
        public List<MilestoneEntry> Milestones { get; set; } = [];
    }

    private sealed class MilestoneEntry
    {
        public int Day { get; set; }
        public string? Title { get; set; }
    }
}
