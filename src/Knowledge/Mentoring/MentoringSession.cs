using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsnBot.Knowledge.Mentoring;

public enum MentoringSessionStatus
{
    Scheduled,
    Held,

    /// <summary>The mentor said it did not take place.</summary>
    NotHeld,

    /// <summary>Nobody recorded it in time.</summary>
    Missed,
}

/// <summary>One check-in of a pair on its rhythm: what the mentor recorded and what the mentee practised.</summary>
public sealed class MentoringSession
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PairId { get; set; }
    public int Number { get; set; }
    public DateOnly ScheduledOn { get; set; }
    public MentoringSessionStatus Status { get; set; } = MentoringSessionStatus.Scheduled;
    public string? Topic { get; set; }
    public string? AgreedAction { get; set; }
    public string? MenteePractice { get; set; }
    public DateTimeOffset? RecordedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public bool IsMissed => Status is MentoringSessionStatus.NotHeld or MentoringSessionStatus.Missed;
}

internal sealed class MentoringSessionMapping : IEntityTypeConfiguration<MentoringSession>
{
    public void Configure(EntityTypeBuilder<MentoringSession> builder)
    {
        builder.ToTable("mentoring_sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Topic).HasMaxLength(500);
        builder.Property(s => s.AgreedAction).HasMaxLength(500);
        builder.Property(s => s.MenteePractice).HasMaxLength(500);
        builder.Ignore(s => s.IsMissed);
        builder.HasIndex(s => new { s.PairId, s.Number }).IsUnique();
        builder.HasOne<MentoringPair>().WithMany().HasForeignKey(s => s.PairId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Two check-ins in a row missed: the coordinator is told, and it stays visible until resolved.</summary>
public sealed class MentoringEscalation
{
    public long Id { get; set; }
    public Guid PairId { get; set; }

    /// <summary>The second missed session's number.</summary>
    public int SessionNumber { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
}

internal sealed class MentoringEscalationMapping : IEntityTypeConfiguration<MentoringEscalation>
{
    public void Configure(EntityTypeBuilder<MentoringEscalation> builder)
    {
        builder.ToTable("mentoring_escalations");
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => new { e.PairId, e.SessionNumber }).IsUnique();
        builder.HasOne<MentoringPair>().WithMany().HasForeignKey(e => e.PairId).OnDelete(DeleteBehavior.Cascade);
    }
}
