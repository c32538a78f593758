using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsnBot.Knowledge.Evaluation;

/// <summary>
/// One answered item of a questionnaire: a Likert score (1-5, 0 for "Tidak Terlihat"), a
/// test question (1 correct, 0 wrong) or an open comment (<see cref="Text"/>).
/// </summary>
public sealed class EvaluationAnswer
{
    public long Id { get; set; }
    public Guid RequestId { get; set; }

    /// <summary>The item's code as the dialog saves it, e.g. <c>fasilitator.penguasaan-materi</c>, or a question id.</summary>
    public required string Item { get; set; }

    public int? Score { get; set; }
    public string? Text { get; set; }
}

internal sealed class EvaluationAnswerMapping : IEntityTypeConfiguration<EvaluationAnswer>
{
    public void Configure(EntityTypeBuilder<EvaluationAnswer> builder)
    {
        builder.ToTable("evaluation_answers");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Item).HasMaxLength(80);
        builder.Property(a => a.Text).HasMaxLength(1000);
        builder.HasIndex(a => new { a.RequestId, a.Item }).IsUnique();
        builder.HasOne<EvaluationRequest>().WithMany().HasForeignKey(a => a.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Level 2 of one enrollment: the pre-test and post-test scores (0-100) and the gain between them.</summary>
public sealed class LearningGain
{
    public Guid EnrollmentId { get; set; }
    public required string TrainingCode { get; set; }
    public Guid ParticipantId { get; set; }
    public decimal PreScore { get; set; }
    public decimal PostScore { get; set; }

    /// <summary>Post minus pre, in percentage points.</summary>
    public decimal Gain { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

internal sealed class LearningGainMapping : IEntityTypeConfiguration<LearningGain>
{
    public void Configure(EntityTypeBuilder<LearningGain> builder)
    {
        builder.ToTable("learning_gains");
        builder.HasKey(g => g.EnrollmentId);
        builder.Property(g => g.TrainingCode).HasMaxLength(40);
        builder.Property(g => g.PreScore).HasPrecision(5, 2);
        builder.Property(g => g.PostScore).HasPrecision(5, 2);
        builder.Property(g => g.Gain).HasPrecision(6, 2);
        builder.HasIndex(g => g.TrainingCode);
        builder.HasOne<Enrollments.Enrollment>().WithMany().HasForeignKey(g => g.EnrollmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
