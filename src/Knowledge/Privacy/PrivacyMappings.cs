using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsnBot.Knowledge.Privacy;

internal sealed class ConsentRecordMapping : IEntityTypeConfiguration<ConsentRecord>
{
    public void Configure(EntityTypeBuilder<ConsentRecord> builder)
    {
        builder.ToTable("consents");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.TextVersion).HasMaxLength(40);
        builder.Property(c => c.TextSha256).HasMaxLength(64);
        builder.Property(c => c.Channel).HasMaxLength(20);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProcessingLogEntryMapping : IEntityTypeConfiguration<ProcessingLogEntry>
{
    public void Configure(EntityTypeBuilder<ProcessingLogEntry> builder)
    {
        builder.ToTable("processing_log");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Actor).HasMaxLength(120);
        builder.Property(e => e.Activity).HasMaxLength(500);
        builder.HasIndex(e => new { e.PersonId, e.At });
        builder.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
