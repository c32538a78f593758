namespace AsnBot.Knowledge.Recommendations;

/// <summary>
/// A competency gap to close. Current and required are known when it comes from a needs
/// survey; a gap typed on the command line may carry its size only.
/// </summary>
public sealed record CompetencyGap(string Code, int Gap, int? Current = null, int? Required = null);

/// <summary>What the recommender needs to know about a person's needs and circumstances.</summary>
public sealed record RecommendationRequest
{
    public string? Text { get; init; }
    public IReadOnlyList<CompetencyGap> Gaps { get; init; } = [];
    public string? JobLevel { get; init; }

    /// <summary>klasikal, daring or blended; empty when any form suits.</summary>
    public string? PreferredMode { get; init; }

    public string? Province { get; init; }
    public int Top { get; init; } = 5;

    /// <summary>Trainings already taken or enrolled in: never recommended again.</summary>
    public IReadOnlySet<string> Excluded { get; init; } = new HashSet<string>();

    /// <summary>JP already credited this year (the JP ledger); what is left of the 20 JP favours trainings that fill it.</summary>
    public decimal JpThisYear { get; init; }

    public required DateOnly Today { get; init; }
}

public sealed record RecommendedTraining(
    string Code,
    string Title,
    IReadOnlyList<string> Competencies,
    double Score,
    IReadOnlyList<string> Reasons,
    string Path,
    string Mode,
    int Jp,
    string Provider,
    string? NextSessionId,
    DateOnly? NextSessionStart);

/// <summary>One part of the 10:20:70 mix: a course, learning from others, or learning on the job.</summary>
public sealed record MixItem(string Part, RecommendedTraining Training);

public sealed record Recommendation(IReadOnlyList<RecommendedTraining> Items, IReadOnlyList<MixItem> Mix);
