namespace AsnBot.Knowledge.Surveys;

/// <summary>
/// One completed needs survey (AKPK, PP 11/2017 art. 205-207). Every retake is a new row,
/// so the history of a person's self-ratings stays.
/// </summary>
public sealed class NeedsSurvey
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PersonId { get; set; }

    /// <summary>The job level at the time of the survey: it decided the required levels.</summary>
    public required string JobLevel { get; set; }

    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset CompletedAt { get; set; }

    /// <summary>The biggest work challenge, in the person's own words.</summary>
    public string Challenge { get; set; } = "";

    /// <summary>klasikal, daring, blended, or empty when any form suits.</summary>
    public string PreferredMode { get; set; } = "";

    public string Availability { get; set; } = "";

    public List<CompetencyRating> Ratings { get; set; } = [];
    public List<DevelopmentPlanRow> Plan { get; set; } = [];
}

/// <summary>A self-rating against the level the job requires; the gap is what development should close.</summary>
public sealed class CompetencyRating
{
    public Guid SurveyId { get; set; }
    public required string CompetencyCode { get; set; }
    public int CurrentLevel { get; set; }
    public int RequiredLevel { get; set; }

    /// <summary>PP 11/2017 art. 206: required minus current. Zero or less means no gap.</summary>
    public int Gap => RequiredLevel - CurrentLevel;
}

/// <summary>
/// A row of the development plan, as PP 11/2017 art. 207(3) lists it: the competency, the
/// path (KL/NKL), the provider, the timing and the budget.
/// </summary>
public sealed class DevelopmentPlanRow
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid SurveyId { get; set; }
    public required string CompetencyCode { get; set; }
    public int Gap { get; set; }
    public required string Path { get; set; }
    public string? TrainingCode { get; set; }
    public string Provider { get; set; } = "";

    /// <summary>The first open session that suits; null when the training runs on request or any time.</summary>
    public DateOnly? PlannedStart { get; set; }

    public string? SessionId { get; set; }

    /// <summary>The training's cost per participant from the catalog; null when the catalog gives none.</summary>
    public decimal? EstimatedBudget { get; set; }
}
