namespace AsnBot.Knowledge.Linking;

/// <summary>
/// A one-time code a registered person obtains on a channel already linked to them, and
/// types on a new channel to link it. Only its hash is kept; it expires after a few minutes
/// and dies after a few wrong guesses, so a NIP alone never links anyone.
/// </summary>
public sealed class AccountLinkCode
{
    public long Id { get; set; }
    public Guid PersonId { get; set; }
    public required string CodeSha256 { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public int FailedAttempts { get; set; }
}
