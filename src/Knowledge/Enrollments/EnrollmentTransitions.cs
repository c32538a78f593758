using AsnBot.Knowledge.Catalog;

namespace AsnBot.Knowledge.Enrollments;

/// <summary>
/// The path an enrollment walks: interest -> registered -> attended -> completed, or not completed
/// once registered. A coordinator may skip ahead (a walk-in is registered and attends at once), but
/// never goes back, and a finished enrollment stays finished.
/// </summary>
public static class EnrollmentTransitions
{
    public static bool IsFinished(EnrollmentStatus status) => status is EnrollmentStatus.Completed or EnrollmentStatus.NotCompleted;

    public static bool IsAllowed(EnrollmentStatus from, EnrollmentStatus to) => Refusal(from, to) is null;

    /// <summary>Null when the move is allowed; otherwise why not, in a sentence of <paramref name="texts"/> for the coordinator.</summary>
    public static string? Problem(EnrollmentStatus from, EnrollmentStatus to, ImportTexts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return Refusal(from, to) is { } key
            ? texts.Format(key, ("from", texts.Status(Name(from))), ("to", texts.Status(Name(to))))
            : null;
    }

    /// <summary>The key of the sentence that refuses the move, or null when it is allowed.</summary>
    private static string? Refusal(EnrollmentStatus from, EnrollmentStatus to)
    {
        if (from == to)
            return null;
        if (IsFinished(from))
            return "enrollment.finished";
        if (to == EnrollmentStatus.NotCompleted && from == EnrollmentStatus.Interest)
            return "enrollment.not_registered";
        if (to < from)
            return "enrollment.backwards";
        if (to == EnrollmentStatus.Completed && from != EnrollmentStatus.Attended)
            return "enrollment.complete_before_attended";
        return null;
    }

    public static string Name(EnrollmentStatus status) => status switch
    {
        EnrollmentStatus.Interest => "interest",
        EnrollmentStatus.Registered => "registered",
        EnrollmentStatus.Attended => "attended",
        EnrollmentStatus.Completed => "completed",
        _ => "not-completed",
    };

    public static bool TryParse(string? text, out EnrollmentStatus status)
    {
        status = EnrollmentStatus.Interest;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "interest" or "minat":
                status = EnrollmentStatus.Interest;
                return true;
            case "registered" or "terdaftar":
                status = EnrollmentStatus.Registered;
                return true;
            case "attended" or "hadir":
                status = EnrollmentStatus.Attended;
                return true;
            case "completed" or "lulus" or "selesai":
                status = EnrollmentStatus.Completed;
                return true;
            case "not-completed" or "notcompleted" or "tidak-lulus" or "tidak lulus" or "tidak selesai":
                status = EnrollmentStatus.NotCompleted;
                return true;
            default:
                return false;
        }
    }
}
