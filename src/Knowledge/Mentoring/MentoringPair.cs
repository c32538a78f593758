using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsnBot.Knowledge.Mentoring;

/// <summary>Whether the guide is a mentor chosen for the mentee, or their direct supervisor (atasan langsung).</summary>
public enum MentorRole
{
    Mentor,
    Supervisor,
}

/// <summary>
/// A mentor and a mentee paired by a coordinator, meeting every <see cref="EveryDays"/> days
/// from <see cref="FirstSessionOn"/> (the mentor's local date). The coordinator hears of it
/// when check-ins are missed.
/// </summary>
public sealed class MentoringPair
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid MentorId { get; set; }
    public Guid MenteeId { get; set; }
    public MentorRole Role { get; set; } = MentorRole.Mentor;
    public int EveryDays { get; set; } = 14;
    public DateOnly FirstSessionOn { get; set; }

    /// <summary>The coordinator to notify, when they are a registered person.</summary>
    public Guid? CoordinatorId { get; set; }

    /// <summary>Who paired them, for the record (a name or an office).</summary>
    public string? CreatedBy { get; set; }

    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    public DateOnly SessionOn(int number) => FirstSessionOn.AddDays((number - 1) * EveryDays);
}

internal sealed class MentoringPairMapping : IEntityTypeConfiguration<MentoringPair>
{
    public void Configure(EntityTypeBuilder<MentoringPair> builder)
    {
        builder.ToTable("mentoring_pairs");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.CreatedBy).HasMaxLength(200);
        builder.HasIndex(p => new { p.MenteeId, p.IsActive });
        builder.HasIndex(p => new { p.MentorId, p.IsActive });
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.MentorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.MenteeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.CoordinatorId).OnDelete(DeleteBehavior.SetNull);
    }
}
