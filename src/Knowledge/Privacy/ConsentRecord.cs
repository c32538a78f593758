namespace AsnBot.Knowledge.Privacy;

/// <summary>Proof of consent (UU 27/2022): which text, which version, when, where.</summary>
public sealed class ConsentRecord
{
    public long Id { get; set; }
    public Guid PersonId { get; set; }
    public required string TextVersion { get; set; }
    public required string TextSha256 { get; set; }
    public required string Channel { get; set; }
    public DateTimeOffset GivenAt { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
}
