using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsnBot.Knowledge.LearningHours;

/// <summary>What kind of learning earned the hours; the path code says how they were converted.</summary>
public enum LearningSource
{
    Training,
    MicroLearning,
    Mentoring,
    Coaching,
    Certificate,
    Other,
}

public enum LearningHoursStatus
{
    Credited,

    /// <summary>Claimed by the person (an outside certificate); counts only once a coordinator approves it.</summary>
    PendingVerification,

    Rejected,
}

/// <summary>
/// One line of a person's JP ledger: hours (jam pelajaran) credited for one learning activity.
/// <see cref="SourceRef"/> names the activity ("enrollment:{id}", "lesson:{module}:{n}"), so
/// crediting the same activity twice is a no-op.
/// </summary>
public sealed class LearningHoursEntry
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PersonId { get; set; }

    /// <summary>The calendar year of <see cref="LearnedOn"/>, kept as a column so yearly totals are one indexed sum.</summary>
    public int Year { get; set; }

    /// <summary>The person's local date of the activity.</summary>
    public DateOnly LearnedOn { get; set; }

    public required string PathCode { get; set; }
    public LearningSource Source { get; set; }
    public required string Title { get; set; }
    public decimal Jp { get; set; }
    public LearningHoursStatus Status { get; set; } = LearningHoursStatus.Credited;
    public required string SourceRef { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string? ReviewedBy { get; set; }
    public string? Note { get; set; }
}

internal sealed class LearningHoursEntryMapping : IEntityTypeConfiguration<LearningHoursEntry>
{
    public void Configure(EntityTypeBuilder<LearningHoursEntry> builder)
    {
        builder.ToTable("learning_hours");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.PathCode).HasMaxLength(10);
        builder.Property(e => e.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(e => e.Title).HasMaxLength(300);
        builder.Property(e => e.SourceRef).HasMaxLength(200);
        builder.Property(e => e.ReviewedBy).HasMaxLength(200);
        builder.Property(e => e.Note).HasMaxLength(1000);
        builder.Property(e => e.Jp).HasPrecision(6, 2);
        builder.HasIndex(e => new { e.PersonId, e.SourceRef }).IsUnique();
        builder.HasIndex(e => new { e.PersonId, e.Year });
        builder.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
