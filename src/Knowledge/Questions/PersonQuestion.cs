using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsnBot.Knowledge.Questions;

public enum QuestionStatus
{
    Open,
    Answered,
}

/// <summary>
/// A question AsnBot could not answer well, passed to a coordinator with the person's
/// consent. The coordinator's answer goes back to the person through the outbox.
/// </summary>
public sealed class PersonQuestion
{
    public long Id { get; set; }
    public Guid PersonId { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset AskedAt { get; set; }
    public QuestionStatus Status { get; set; } = QuestionStatus.Open;
    public string? Answer { get; set; }
    public string? AnsweredBy { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
}

internal sealed class PersonQuestionMapping : IEntityTypeConfiguration<PersonQuestion>
{
    public const int MaxText = 1000;
    public const int MaxAnswer = 3000;

    public void Configure(EntityTypeBuilder<PersonQuestion> builder)
    {
        builder.ToTable("questions");
        builder.HasKey(q => q.Id);
        builder.Property(q => q.Id).ValueGeneratedOnAdd();
        builder.Property(q => q.Text).HasMaxLength(MaxText);
        builder.Property(q => q.Answer).HasMaxLength(MaxAnswer);
        builder.Property(q => q.AnsweredBy).HasMaxLength(100);
        builder.Property(q => q.Status).HasConversion<string>().HasMaxLength(20);
        // Deleting a person (/hapusdata) deletes their questions.
        builder.HasOne<Person>().WithMany().HasForeignKey(q => q.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(q => new { q.Status, q.AskedAt });
    }
}
