namespace AsnBot.Knowledge.Catalog;

/// <summary>A catalog entry (pelatihan): what is taught, to which competency level, how and by whom.</summary>
public sealed class Training
{
    public required string Code { get; set; }
    public required string Title { get; set; }
    public string Description { get; set; } = "";

    /// <summary>A path code of Peraturan LAN 10/2018: KL01-KL11 classroom, NKL01-NKL12 non-classroom.</summary>
    public required string Path { get; set; }

    public required TrainingMode Mode { get; set; }
    public int Jp { get; set; }
    public string Provider { get; set; } = "";
    public List<string> Keywords { get; set; } = [];
    public bool HasCertificate { get; set; }

    /// <summary>Estimated cost per participant in rupiah, when the coordinator gives one; a plan row's budget comes from it.</summary>
    public decimal? Cost { get; set; }

    public List<TrainingCompetency> Competencies { get; set; } = [];
    public List<TrainingSession> Sessions { get; set; } = [];

    public bool IsClassroom => Path.StartsWith("KL", StringComparison.Ordinal);
}

public enum TrainingMode
{
    Klasikal,
    Daring,
    Blended,
}

/// <summary>A competency a training develops, and the level it brings a participant to.</summary>
public sealed class TrainingCompetency
{
    public string TrainingCode { get; set; } = "";
    public required string CompetencyCode { get; set; }
    public int Level { get; set; }
}

/// <summary>A dated run of a training, in a place or online, with a quota.</summary>
public sealed class TrainingSession
{
    public required string Id { get; set; }
    public string TrainingCode { get; set; } = "";
    public DateOnly Start { get; set; }
    public DateOnly End { get; set; }
    public string Place { get; set; } = "";

    /// <summary>Empty for an online session.</summary>
    public string? Province { get; set; }

    public bool IsOnline { get; set; }
    public int Quota { get; set; }
}
