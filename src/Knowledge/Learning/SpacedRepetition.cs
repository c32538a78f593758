namespace AsnBot.Knowledge.Learning;

/// <summary>
/// When a question answered wrong comes back: 1, 3 and 7 days after it was answered wrong.
/// Answered right each time, it is retired after the third return; answered wrong again, it
/// starts over from that day.
/// </summary>
public static class SpacedRepetition
{
    public static readonly IReadOnlyList<int> DaysAfterWrong = [1, 3, 7];

    public static void Start(QuizRepetition repetition, DateOnly wrongOn)
    {
        ArgumentNullException.ThrowIfNull(repetition);
        repetition.WrongOn = wrongOn;
        repetition.Round = 0;
        repetition.DueOn = wrongOn.AddDays(DaysAfterWrong[0]);
        repetition.IsDone = false;
    }

    public static void Answered(QuizRepetition repetition, bool isCorrect, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(repetition);
        repetition.LastAskedOn = today;
        if (!isCorrect)
        {
            Start(repetition, today);
            return;
        }
        repetition.Round++;
        if (repetition.Round >= DaysAfterWrong.Count)
        {
            repetition.IsDone = true;
            return;
        }
        // Never due in the past: a late answer moves the next return to tomorrow at the earliest.
        var next = repetition.WrongOn.AddDays(DaysAfterWrong[repetition.Round]);
        repetition.DueOn = next > today ? next : today.AddDays(1);
    }
}
