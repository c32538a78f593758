using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AsnBot.Knowledge.Demo;

/// <summary>Marks a person made up by <c>seed-demo</c>, so demo data is told apart from real people.</summary>
public sealed class SeededPerson
{
    public Guid PersonId { get; set; }
    public DateTimeOffset SeededAt { get; set; }
}

internal sealed class SeededPersonMapping : IEntityTypeConfiguration<SeededPerson>
{
    public void Configure(EntityTypeBuilder<SeededPerson> builder)
    {
        builder.ToTable("seeded_people");
        builder.HasKey(s => s.PersonId);
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
