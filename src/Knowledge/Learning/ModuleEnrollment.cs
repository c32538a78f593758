using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsnBot.Knowledge.Learning;

public enum ModuleEnrollmentStatus
{
    Active,

    /// <summary>The person moved to another module; progress is kept for when they come back.</summary>
    Paused,

    Completed,
}

/// <summary>A person following a micro-learning module, one lesson a day at their lesson hour.</summary>
public sealed class ModuleEnrollment
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PersonId { get; set; }
    public required string ModuleId { get; set; }
    public ModuleEnrollmentStatus Status { get; set; } = ModuleEnrollmentStatus.Active;

    /// <summary>How many lessons of the module are done, in order; the next lesson is this index.</summary>
    public int LessonsDone { get; set; }

    /// <summary>The person's local date on which they last got a lesson, so a day brings at most one unasked.</summary>
    public DateOnly? LastLessonOn { get; set; }

    public DateTimeOffset EnrolledAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}

/// <summary>One finished lesson: the day, and how the quiz went.</summary>
public sealed class LessonResult
{
    public long Id { get; set; }
    public Guid PersonId { get; set; }
    public required string ModuleId { get; set; }
    public required string LessonId { get; set; }
    public DateOnly CompletedOn { get; set; }
    public DateTimeOffset CompletedAt { get; set; }
    public int Questions { get; set; }
    public int Correct { get; set; }
}

/// <summary>
/// A quiz question the person answered wrong, coming back after 1, 3 and 7 days
/// (<see cref="SpacedRepetition"/>). <see cref="Round"/> is the next of those returns.
/// </summary>
public sealed class QuizRepetition
{
    public long Id { get; set; }
    public Guid PersonId { get; set; }
    public required string LessonId { get; set; }
    public required string StepId { get; set; }
    public DateOnly WrongOn { get; set; }
    public int Round { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly? LastAskedOn { get; set; }
    public bool IsDone { get; set; }
}

internal sealed class ModuleEnrollmentMapping : IEntityTypeConfiguration<ModuleEnrollment>
{
    public void Configure(EntityTypeBuilder<ModuleEnrollment> builder)
    {
        builder.ToTable("module_enrollments");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.ModuleId).HasMaxLength(80);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(e => new { e.PersonId, e.ModuleId }).IsUnique();
        builder.HasIndex(e => e.Status);
        builder.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LessonResultMapping : IEntityTypeConfiguration<LessonResult>
{
    public void Configure(EntityTypeBuilder<LessonResult> builder)
    {
        builder.ToTable("lesson_results");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.ModuleId).HasMaxLength(80);
        builder.Property(e => e.LessonId).HasMaxLength(120);
        builder.HasIndex(e => new { e.PersonId, e.LessonId }).IsUnique();
        builder.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuizRepetitionMapping : IEntityTypeConfiguration<QuizRepetition>
{
    public void Configure(EntityTypeBuilder<QuizRepetition> builder)
    {
        builder.ToTable("quiz_repetitions");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.LessonId).HasMaxLength(120);
        builder.Property(e => e.StepId).HasMaxLength(60);
        builder.HasIndex(e => new { e.PersonId, e.LessonId, e.StepId }).IsUnique();
        builder.HasIndex(e => new { e.PersonId, e.IsDone, e.DueOn });
        builder.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
