using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsnBot.Knowledge.Mentoring;

/// <summary>
/// An alumnus's aksi perubahan (change project) after a leadership training (Latsar, PKP,
/// PKA, PKN): about 60 days, tracked milestone by milestone in chat.
/// </summary>
public sealed class ChangeProject
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PersonId { get; set; }
    public required string TrainingCode { get; set; }
    public required string Title { get; set; }
    public DateOnly StartedOn { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<ChangeProjectMilestone> Milestones { get; set; } = [];
}

public sealed class ChangeProjectMilestone
{
    public long Id { get; set; }
    public Guid ProjectId { get; set; }
    public int Number { get; set; }
    public required string Title { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
}

internal sealed class ChangeProjectMapping : IEntityTypeConfiguration<ChangeProject>
{
    public void Configure(EntityTypeBuilder<ChangeProject> builder)
    {
        builder.ToTable("change_projects");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.TrainingCode).HasMaxLength(40);
        builder.Property(p => p.Title).HasMaxLength(300);
        builder.HasIndex(p => p.PersonId);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Milestones).WithOne().HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChangeProjectMilestoneMapping : IEntityTypeConfiguration<ChangeProjectMilestone>
{
    public void Configure(EntityTypeBuilder<ChangeProjectMilestone> builder)
    {
        builder.ToTable("change_project_milestones");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Title).HasMaxLength(300);
        builder.HasIndex(m => new { m.ProjectId, m.Number }).IsUnique();
    }
}
