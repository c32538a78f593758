namespace AsnBot.Knowledge.LearningHours;

/// <summary>A person's JP in one year against the 20 JP every ASN is entitled to (PP 11/2017 as amended by PP 17/2020).</summary>
public sealed record LearningHoursSummary(int Year, decimal CreditedJp, IReadOnlyList<LearningHoursEntry> Entries, IReadOnlyList<LearningHoursEntry> Pending)
{
    public const decimal TargetJpPerYear = 20m;

    public decimal TargetJp { get; init; } = TargetJpPerYear;

    public decimal RemainingJp => Math.Max(0, TargetJp - CreditedJp);

    public bool HasReachedTarget => CreditedJp >= TargetJp;
}
