using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsnBot.Knowledge.Linking;

internal sealed class AccountLinkCodeMapping : IEntityTypeConfiguration<AccountLinkCode>
{
    public void Configure(EntityTypeBuilder<AccountLinkCode> builder)
    {
        builder.ToTable("account_link_codes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.CodeSha256).HasMaxLength(64);
        // One live code per person: asking again replaces it.
        builder.HasIndex(c => c.PersonId).IsUnique();
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
