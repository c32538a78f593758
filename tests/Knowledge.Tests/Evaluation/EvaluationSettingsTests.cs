using AsnBot.Knowledge.Evaluation;
using AsnBot.Knowledge.Mentoring;

namespace AsnBot.Knowledge.Tests.Evaluation;

public sealed class EvaluationSettingsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("asnbot-evaluation-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_shipped_settings_ask_level_three_after_ninety_days_with_a_thirty_day_check_in_where_set()
    {
        var settings = EvaluationSettings.Load(Path.Combine(RepoPaths.Data, "evaluation.yaml"));

        Assert.Equal(new TrainingEvaluationTiming(90, null), settings.For("PLT-021"));
        Assert.Equal(new TrainingEvaluationTiming(90, 30), settings.For("PLT-019"));
        Assert.Equal((3, 2), (settings.ReminderEveryDays, settings.Reminders));
        Assert.Equal(99, settings.LongestDays);
    }

    [Fact]
    public void A_check_in_after_the_behaviour_questionnaire_is_refused_with_the_training_named()
    {
        var path = Path.Combine(_folder, "evaluation.yaml");
        File.WriteAllText(path, "defaults: { behaviour_after_days: 90 }\ntrainings:\n  PLT-001: { check_in_after_days: 120 }\n");

        var error = Assert.Throws<InvalidDataException>(() => EvaluationSettings.Load(path));
        Assert.Contains("'PLT-001'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_question_with_three_options_is_refused_with_the_file_and_number()
    {
        File.WriteAllText(Path.Combine(_folder, "PLT-002.yaml"), "questions:\n  - { text: \"Apa?\", options: [\"x\", \"y\", \"z\"], answer: a }\n");

        var error = Assert.Throws<InvalidDataException>(() => QuestionBanks.Load(_folder));
        Assert.Contains("PLT-002.yaml: question 1 needs exactly 4 options", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_mentoring_rules_open_change_projects_for_latsar_pkp_pka_and_pkn()
    {
        var settings = MentoringSettings.Load(Path.Combine(RepoPaths.Data, "mentoring.yaml"));

        Assert.Equal(["PLT-047", "PLT-048", "PLT-049", "PLT-050"], settings.LeadershipTrainings);
        Assert.Equal((3, 2, 60), (settings.RecordWithinDays, settings.MissesToEscalate, settings.ChangeProjectDays));
        Assert.Equal(60, settings.Milestones[^1].Day);
    }
}
