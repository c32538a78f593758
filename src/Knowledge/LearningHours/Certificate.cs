using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsnBot.Knowledge.LearningHours;

/// <summary>
/// A certificate of outside training a person sent (photo or PDF). It backs a claimed ledger entry
/// (<see cref="EntryId"/>) that counts only once a coordinator has looked at it.
/// </summary>
public sealed class Certificate
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PersonId { get; set; }
    public Guid? EntryId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
    public DateTimeOffset UploadedAt { get; set; }

    /// <summary>The channel's id of the message that carried it ("telegram:{bot}:{update}"), so a redelivery is stored once.</summary>
    public string? ExternalId { get; set; }
}

internal sealed class CertificateMapping : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> builder)
    {
        builder.ToTable("certificates");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.FileName).HasMaxLength(200);
        builder.Property(c => c.ContentType).HasMaxLength(60);
        builder.Property(c => c.ExternalId).HasMaxLength(120);
        builder.HasIndex(c => c.ExternalId).IsUnique();
        builder.HasIndex(c => new { c.PersonId, c.EntryId });
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<LearningHoursEntry>().WithMany().HasForeignKey(c => c.EntryId).OnDelete(DeleteBehavior.SetNull);
    }
}
