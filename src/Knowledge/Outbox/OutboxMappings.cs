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
        // Every index is written for each of a broadcast's 100,000 rows, so each one earns its place:
        // personal messages (reminders, digests) dedupe on their key; a broadcast's rows on (broadcast,
        // person), one narrow index that also serves counting and cancelling a broadcast.
        builder.HasIndex(m => m.DedupeKey).IsUnique().HasFilter(OutboxFilters.PersonalMessage);
        builder.HasIndex(m => new { m.BroadcastId, m.PersonId }).IsUnique().HasFilter(OutboxFilters.BroadcastMessage);
        // The dispatcher claims per channel the oldest due pending rows, in (NotBefore, Id) order straight
        // from the index; recovery looks for old claims. Each index holds only the rows its query can want,
        // and the queries say the filter's condition word for word, so both databases can use them.
        builder.HasIndex(m => new { m.Channel, m.NotBefore, m.Id }).HasFilter(OutboxFilters.Pending);
        builder.HasIndex(m => m.ClaimedAt).HasFilter(OutboxFilters.Sending);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Broadcast>().WithMany().HasForeignKey(m => m.BroadcastId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The conditions of the outbox's partial indexes, in SQL both databases read alike.</summary>
internal static class OutboxFilters
{
    public const string PersonalMessage = "\"BroadcastId\" IS NULL";
    public const string BroadcastMessage = "\"BroadcastId\" IS NOT NULL";
    public const string Pending = "\"Status\" = 'Pending'";
    public const string Sending = "\"Status\" = 'Sending'";
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
