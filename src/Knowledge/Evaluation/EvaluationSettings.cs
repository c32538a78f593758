using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace AsnBot.Knowledge.Evaluation;

/// <summary>When one training's level-3 questionnaires go out, in days after completion.</summary>
public sealed record TrainingEvaluationTiming(int BehaviourAfterDays, int? CheckInAfterDays);

/// <summary>
/// Evaluation timing from <c>data/evaluation.yaml</c>: the defaults (behaviour after 90 days,
/// no check-in), per-training overrides, and how non-respondents are reminded.
/// </summary>
public sealed class EvaluationSettings
{
    private readonly Dictionary<string, TrainingEvaluationTiming> _byTraining;

    public EvaluationSettings(TrainingEvaluationTiming defaults, IReadOnlyDictionary<string, TrainingEvaluationTiming> trainings, int reminderEveryDays, int reminders)
    {
        ArgumentNullException.ThrowIfNull(trainings);
        Defaults = defaults;
        _byTraining = new Dictionary<string, TrainingEvaluationTiming>(trainings, StringComparer.OrdinalIgnoreCase);
        ReminderEveryDays = reminderEveryDays;
        Reminders = reminders;
    }

    public static EvaluationSettings Default { get; } = new(new TrainingEvaluationTiming(90, null), new Dictionary<string, TrainingEvaluationTiming>(), 3, 2);

    public TrainingEvaluationTiming Defaults { get; }

    /// <summary>Days between the ask and each reminder, and after the last reminder until "not responded".</summary>
    public int ReminderEveryDays { get; }

    public int Reminders { get; }

    /// <summary>The longest wait of any training, so schedulers know how far back completions matter.</summary>
    public int LongestDays => _byTraining.Values.Append(Defaults).Max(t => Math.Max(t.BehaviourAfterDays, t.CheckInAfterDays ?? 0)) + (ReminderEveryDays * (Reminders + 1));

    public TrainingEvaluationTiming For(string trainingCode) => _byTraining.GetValueOrDefault(trainingCode) ?? Defaults;

    public static EvaluationSettings Load(string path)
    {
        if (!File.Exists(path))
            return Default;
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        using var reader = File.OpenText(path);
        var file = deserializer.Deserialize<SettingsFile>(reader) ?? new SettingsFile();
        var defaults = Timing(path, "defaults", file.Defaults ?? new TimingEntry(), null);
        var trainings = file.Trainings.ToDictionary(t => t.Key, t => Timing(path, t.Key, t.Value, defaults), StringComparer.OrdinalIgnoreCase);
        var every = file.Defaults?.ReminderEveryDays ?? 3;
        var reminders = file.Defaults?.Reminders ?? 2;
        if (every < 1 || reminders < 0)
            throw new InvalidDataException($"{path}: reminder_every_days must be at least 1 and reminders 0 or more");
        return new EvaluationSettings(defaults, trainings, every, reminders);
    }

    private static TrainingEvaluationTiming Timing(string path, string name, TimingEntry entry, TrainingEvaluationTiming? inherited)
    {
        var behaviour = entry.BehaviourAfterDays ?? inherited?.BehaviourAfterDays ?? 90;
        var checkIn = entry.CheckInAfterDays ?? inherited?.CheckInAfterDays;
        if (behaviour < 1 || checkIn is < 1 || checkIn >= behaviour)
            throw new InvalidDataException($"{path}: '{name}' needs behaviour_after_days of at least 1 and a check_in_after_days before it");
        return new TrainingEvaluationTiming(behaviour, checkIn);
    }

    private sealed class SettingsFile
    {
        public TimingEntry? Defaults { get; set; }
        public Dictionary<string, TimingEntry> Trainings { get; set; } = [];
    }

    private sealed class TimingEntry
    {
        public int? BehaviourAfterDays { get; set; }
        public int? CheckInAfterDays { get; set; }
        public int? ReminderEveryDays { get; set; }
        public int? Reminders { get; set; }
    }
}
