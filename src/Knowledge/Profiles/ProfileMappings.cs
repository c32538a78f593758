using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsnBot.Knowledge.Profiles;

internal sealed class PersonMapping : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("people");
        builder.HasKey(p => p.Id);
        builder.HasIndex(p => p.Nip).IsUnique();
        builder.Property(p => p.Nip).HasMaxLength(Profiles.Nip.Length);
        builder.Property(p => p.FullName).HasMaxLength(200);
        builder.Property(p => p.Agency).HasMaxLength(200);
        builder.Property(p => p.Unit).HasMaxLength(200);
        builder.Property(p => p.Position).HasMaxLength(200);
        builder.Property(p => p.JobLevel).HasMaxLength(40);
        builder.Property(p => p.Province).HasMaxLength(80);
        builder.Property(p => p.City).HasMaxLength(120);
        builder.Property(p => p.TimeZone).HasConversion<string>().HasMaxLength(4);
        builder.HasIndex(p => new { p.Agency, p.Unit });
        builder.HasMany(p => p.Channels).WithOne().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChannelAccountMapping : IEntityTypeConfiguration<ChannelAccount>
{
    public void Configure(EntityTypeBuilder<ChannelAccount> builder)
    {
        builder.ToTable("channel_accounts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Channel).HasMaxLength(20);
        builder.Property(c => c.Address).HasMaxLength(200);
        builder.HasIndex(c => new { c.Channel, c.Address }).IsUnique();
    }
}
