using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsnBot.Knowledge.Catalog;

internal sealed class TrainingMapping : IEntityTypeConfiguration<Training>
{
    public void Configure(EntityTypeBuilder<Training> builder)
    {
        builder.ToTable("trainings");
        builder.HasKey(t => t.Code);
        builder.Property(t => t.Code).HasMaxLength(40);
        builder.Property(t => t.Title).HasMaxLength(300);
        builder.Property(t => t.Description).HasMaxLength(4000);
        builder.Property(t => t.Path).HasMaxLength(8);
        builder.Property(t => t.Mode).HasConversion<string>().HasMaxLength(12);
        builder.Property(t => t.Provider).HasMaxLength(300);
        builder.Property(t => t.Cost).HasPrecision(18, 2);
        // Keywords are only ever read with their training; one column keeps the catalog two tables smaller.
        builder.Property(t => t.Keywords)
            .HasConversion(k => string.Join(';', k), s => s.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList())
            .Metadata.SetValueComparer(new ValueComparer<List<string>>(
                (a, b) => a!.SequenceEqual(b!), k => k.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode(StringComparison.Ordinal))), k => k.ToList()));
        builder.Property(t => t.Keywords).HasMaxLength(2000);
        builder.HasMany(t => t.Competencies).WithOne().HasForeignKey(c => c.TrainingCode).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.Sessions).WithOne().HasForeignKey(s => s.TrainingCode).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TrainingCompetencyMapping : IEntityTypeConfiguration<TrainingCompetency>
{
    public void Configure(EntityTypeBuilder<TrainingCompetency> builder)
    {
        builder.ToTable("training_competencies");
        builder.HasKey(c => new { c.TrainingCode, c.CompetencyCode });
        builder.Property(c => c.CompetencyCode).HasMaxLength(10);
    }
}

internal sealed class TrainingSessionMapping : IEntityTypeConfiguration<TrainingSession>
{
    public void Configure(EntityTypeBuilder<TrainingSession> builder)
    {
        builder.ToTable("training_sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(60);
        builder.Property(s => s.Place).HasMaxLength(200);
        builder.Property(s => s.Province).HasMaxLength(80);
        builder.HasIndex(s => s.Start);
    }
}
