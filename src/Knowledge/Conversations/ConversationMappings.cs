using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsnBot.Knowledge.Conversations;

internal sealed class ConversationRecordMapping : IEntityTypeConfiguration<ConversationRecord>
{
    public void Configure(EntityTypeBuilder<ConversationRecord> builder)
    {
        builder.ToTable("conversations");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Channel).HasMaxLength(20);
        builder.Property(c => c.Address).HasMaxLength(200);
        builder.HasIndex(c => new { c.Channel, c.Address }).IsUnique();
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InboundReceiptMapping : IEntityTypeConfiguration<InboundReceipt>
{
    public void Configure(EntityTypeBuilder<InboundReceipt> builder)
    {
        builder.ToTable("inbound_receipts");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Channel).HasMaxLength(20);
        builder.Property(r => r.ExternalId).HasMaxLength(200);
        builder.HasIndex(r => new { r.Channel, r.ExternalId }).IsUnique();
        builder.HasIndex(r => r.ReceivedAt);
    }
}
