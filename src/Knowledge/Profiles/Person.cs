namespace AsnBot.Knowledge.Profiles;

/// <summary>A registered civil servant (ASN). Reached on one or more channels.</summary>
public sealed class Person
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Nip { get; set; }
    public required string FullName { get; set; }
    public required string Agency { get; set; }
    public required string Unit { get; set; }
    public required string Position { get; set; }
    public required string JobLevel { get; set; }
    public required string Province { get; set; }
    public required string City { get; set; }
    public IndonesianTimeZone TimeZone { get; set; } = IndonesianTimeZone.WIB;
    public int LessonHour { get; set; } = 8;
    public DateTimeOffset RegisteredAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<ChannelAccount> Channels { get; } = [];
}
