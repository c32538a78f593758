using AsnBot.Knowledge.Enrollments;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsnBot.Knowledge.Evaluation;

/// <summary>The Kirkpatrick levels AsnBot asks about, each in its own questionnaire.</summary>
public enum EvaluationLevel
{
    /// <summary>Level 1, right after completion: the facilitator and the organisation.</summary>
    Reaction,

    /// <summary>Level 2 before: the training's question bank at registration.</summary>
    PreTest,

    /// <summary>Level 2 after: the same questions at completion.</summary>
    PostTest,

    /// <summary>Level 3, optional early check-in (e.g. 30 days after).</summary>
    BehaviourCheckIn,

    /// <summary>Level 3, months after (default 90 days): applied at work?</summary>
    Behaviour,
}

/// <summary>Who answers: the participant about themself, or their mentor or direct supervisor about them.</summary>
public enum EvaluationRole
{
    Participant,
    Mentor,
}

public enum EvaluationStatus
{
    Open,
    Answered,

    /// <summary>Asked and reminded twice without an answer: counted as not responded.</summary>
    NotResponded,
}

/// <summary>
/// One questionnaire owed by one person about one enrollment: created when it becomes due
/// from the enrollment's dates, asked through the outbox, reminded, and closed by an answer
/// or by giving up.
/// </summary>
public sealed class EvaluationRequest
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid EnrollmentId { get; set; }
    public required string TrainingCode { get; set; }
    public EvaluationLevel Level { get; set; }
    public EvaluationRole Role { get; set; }

    /// <summary>Who is asked (the participant, or their mentor).</summary>
    public Guid RecipientId { get; set; }

    /// <summary>The participant the questions are about.</summary>
    public Guid ParticipantId { get; set; }

    /// <summary>From when it may be asked (for level 3: the reminder hour of the recipient's local day).</summary>
    public DateTimeOffset DueAt { get; set; }

    public EvaluationStatus Status { get; set; } = EvaluationStatus.Open;

    /// <summary>When the first ask went to the outbox; null while not yet asked.</summary>
    public DateTimeOffset? AskedAt { get; set; }

    public int Reminders { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>For a pre- or post-test: the share of correct answers, 0 to 100.</summary>
    public decimal? Score { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The dialog that asks it.</summary>
    public string DialogId => DialogFor(Level);

    public static string DialogFor(EvaluationLevel level) => level switch
    {
        EvaluationLevel.Reaction => "evaluation-reaction",
        EvaluationLevel.PreTest or EvaluationLevel.PostTest => "evaluation-test",
        _ => "evaluation-behaviour",
    };
}

internal sealed class EvaluationRequestMapping : IEntityTypeConfiguration<EvaluationRequest>
{
    public void Configure(EntityTypeBuilder<EvaluationRequest> builder)
    {
        builder.ToTable("evaluation_requests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.TrainingCode).HasMaxLength(40);
        builder.Property(r => r.Level).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Score).HasPrecision(5, 2);
        builder.Ignore(r => r.DialogId);
        builder.HasIndex(r => new { r.EnrollmentId, r.Level, r.Role }).IsUnique();
        builder.HasIndex(r => new { r.Status, r.DueAt });
        builder.HasIndex(r => new { r.RecipientId, r.Status });
        builder.HasIndex(r => r.TrainingCode);
        builder.HasOne<Enrollment>().WithMany().HasForeignKey(r => r.EnrollmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.RecipientId).OnDelete(DeleteBehavior.Cascade);
    }
}
