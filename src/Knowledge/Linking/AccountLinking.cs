using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Privacy;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Knowledge.Linking;

public enum LinkOutcome
{
    Linked,
    WrongCode,
    NoValidCode,
    AddressTaken,
}

/// <summary>
/// Linking one more channel to a registered person. The person proves they hold the profile
/// by a code shown on a channel already theirs; typing someone else's NIP is not enough.
/// </summary>
public static class AccountLinking
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);
    public const int MaxFailedAttempts = 5;

    /// <summary>Issues a fresh 6-digit code for the person, replacing any earlier one.</summary>
    public static async Task<string> IssueCodeAsync(AsnBotDbContext db, Guid personId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        await db.Set<AccountLinkCode>().Where(c => c.PersonId == personId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        db.Add(new AccountLinkCode { PersonId = personId, CodeSha256 = Hash(personId, code), ExpiresAt = now + CodeLifetime });
        PersonalData.Log(db, personId, "Anda", "Meminta kode tautan akun", now);
        return code;
    }

    /// <summary>
    /// Links <paramref name="channel"/>/<paramref name="address"/> to the holder of <paramref name="nip"/>
    /// if <paramref name="code"/> is that person's live code. Wrong guesses count against the code.
    /// </summary>
    public static async Task<(LinkOutcome Outcome, Guid? PersonId)> RedeemAsync(
        AsnBotDbContext db, string nip, string code, string channel, string address, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var personId = await db.Set<Person>().Where(p => p.Nip == nip).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (personId is not { } id)
            return (LinkOutcome.NoValidCode, null);
        var live = await db.Set<AccountLinkCode>().FirstOrDefaultAsync(c => c.PersonId == id, cancellationToken).ConfigureAwait(false);
        if (live is null || live.ExpiresAt <= now || live.FailedAttempts >= MaxFailedAttempts)
            return (LinkOutcome.NoValidCode, null);

        var expected = Convert.FromHexString(live.CodeSha256);
        var given = Convert.FromHexString(Hash(id, code.Trim()));
        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            live.FailedAttempts++;
            return (live.FailedAttempts >= MaxFailedAttempts ? LinkOutcome.NoValidCode : LinkOutcome.WrongCode, null);
        }

        if (await db.Set<ChannelAccount>().AnyAsync(c => c.Channel == channel && c.Address == address, cancellationToken).ConfigureAwait(false))
            return (LinkOutcome.AddressTaken, null);
        db.Remove(live);
        db.Add(new ChannelAccount { PersonId = id, Channel = channel, Address = address, LinkedAt = now });
        PersonalData.Log(db, id, "Anda", $"Akun {channel} dihubungkan dengan kode tautan", now);
        return (LinkOutcome.Linked, id);
    }

    private static string Hash(Guid personId, string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(personId.ToString("N") + ":" + code)));
}
