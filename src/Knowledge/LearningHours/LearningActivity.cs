namespace AsnBot.Knowledge.LearningHours;

/// <summary>
/// A learning activity to credit. <paramref name="Jp"/> is given when the activity carries its own
/// JP (a classroom training); otherwise the path's JP per unit applies.
/// </summary>
public sealed record LearningActivity(
    Guid PersonId,
    string PathCode,
    LearningSource Source,
    string Title,
    DateOnly LearnedOn,
    string SourceRef,
    decimal? Jp = null,
    bool NeedsVerification = false);
