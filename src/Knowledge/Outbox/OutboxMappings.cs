using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsnBot.Knowledge.Outbox;

internal sealed class OutboxMessageMapping : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable(OutboxSql.Table);
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Channel).HasMaxLength(20);
        builder.Property(m => m.Address).HasMaxLength(200);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(m => m.DedupeKey).HasMaxLength(200);
        builder.Property(m => m.LastError).HasMaxLength(500);
        builder.Property(m => m.ClaimedBy).HasMaxLength(80);
        builder.HasIndex(m => m.DedupeKey).IsUnique();
        // The dispatcher claims per channel the oldest due pending rows; recovery looks for old claims.
        builder.HasIndex(m => new { m.Channel, m.Status, m.NotBefore });
        builder.HasIndex(m => new { m.Status, m.ClaimedAt });
        builder.HasIndex(m => new { m.BroadcastId, m.Status });
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Broadcast>().WithMany().HasForeignKey(m => m.BroadcastId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BroadcastMapping : IEntityTypeConfiguration<Broadcast>
{
    public void Configure(EntityTypeBuilder<Broadcast> builder)
    {
        builder.ToTable("broadcasts");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Text).HasMaxLength(4096);
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(b => b.CreatedBy).HasMaxLength(120);
    }
}

internal sealed class BroadcastResponseMapping : IEntityTypeConfiguration<BroadcastResponse>
{
    public void Configure(EntityTypeBuilder<BroadcastResponse> builder)
    {
        builder.ToTable("broadcast_responses");
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => new { r.BroadcastId, r.PersonId, r.ButtonIndex }).IsUnique();
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Broadcast>().WithMany().HasForeignKey(r => r.BroadcastId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InboxMessageMapping : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> builder)
    {
        builder.ToTable("inbox_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Channel).HasMaxLength(20);
        builder.Property(m => m.Address).HasMaxLength(200);
        builder.HasIndex(m => new { m.Channel, m.Address, m.Id });
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
