using AsnBot.Knowledge.Catalog;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsnBot.Knowledge.Enrollments;

/// <summary>Where a person stands with a training: interest, then registered, attended, and completed or not.</summary>
public enum EnrollmentStatus
{
    Interest,
    Registered,
    Attended,
    Completed,
    NotCompleted,
}

/// <summary>A person's link to a training (and, when chosen, one of its sessions), seen by the coordinator.</summary>
public sealed class Enrollment
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PersonId { get; set; }
    public required string TrainingCode { get; set; }
    public string? SessionId { get; set; }
    public EnrollmentStatus Status { get; set; } = EnrollmentStatus.Interest;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>When the coordinator marked it completed; evaluations are scheduled from here.</summary>
    public DateTimeOffset? CompletedAt { get; set; }
}

internal sealed class EnrollmentMapping : IEntityTypeConfiguration<Enrollment>
{
    public void Configure(EntityTypeBuilder<Enrollment> builder)
    {
        builder.ToTable("enrollments");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.TrainingCode).HasMaxLength(40);
        builder.Property(e => e.SessionId).HasMaxLength(60);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Training>().WithMany().HasForeignKey(e => e.TrainingCode).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<TrainingSession>().WithMany().HasForeignKey(e => e.SessionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(e => new { e.PersonId, e.TrainingCode });
    }
}
