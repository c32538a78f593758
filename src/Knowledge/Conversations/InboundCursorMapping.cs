using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsnBot.Knowledge.Conversations;

internal sealed class InboundCursorMapping : IEntityTypeConfiguration<InboundCursor>
{
    public void Configure(EntityTypeBuilder<InboundCursor> builder)
    {
        builder.ToTable("inbound_cursors");
        builder.HasKey(c => c.Source);
        builder.Property(c => c.Source).HasMaxLength(60);
    }
}
