using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace AsnBot.Dashboard.Access;

/// <summary>Creates dashboard accounts with a one-time password that must be changed at first sign-in.</summary>
public sealed class DashboardAccounts(UserManager<DashboardUser> users, TimeProvider time)
{
    private const string Letters = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Symbols = "!@#$%*-_";

    /// <summary>Creates the account, or resets it to a new one-time password when it exists; returns that password.</summary>
    public async Task<string> CreateAsync(string email, string role, IReadOnlyCollection<string> agencies, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        ArgumentNullException.ThrowIfNull(agencies);
        if (!DashboardRoles.All.Contains(role))
            throw new ArgumentException($"'{role}' is not a dashboard role ({string.Join(", ", DashboardRoles.All)}).", nameof(role));
        cancellationToken.ThrowIfCancellationRequested();
        var password = OneTimePassword();
        var user = await users.FindByEmailAsync(email.Trim()).ConfigureAwait(false);
        if (user is null)
        {
            user = new DashboardUser { UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true, MustChangePassword = true, CreatedAt = time.GetUtcNow() };
            Check(await users.CreateAsync(user, password).ConfigureAwait(false));
        }
        else
        {
            user.MustChangePassword = true;
            Check(await users.RemovePasswordAsync(user).ConfigureAwait(false));
            Check(await users.AddPasswordAsync(user, password).ConfigureAwait(false));
            Check(await users.SetLockoutEndDateAsync(user, null).ConfigureAwait(false));
        }
        await SetRoleAsync(user, role, agencies).ConfigureAwait(false);
        return password;
    }

    /// <summary>Replaces the user's role and agency claims.</summary>
    public async Task SetRoleAsync(DashboardUser user, string role, IReadOnlyCollection<string> agencies)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(agencies);
        var current = await users.GetRolesAsync(user).ConfigureAwait(false);
        Check(await users.RemoveFromRolesAsync(user, current).ConfigureAwait(false));
        Check(await users.AddToRoleAsync(user, role).ConfigureAwait(false));
        var claims = (await users.GetClaimsAsync(user).ConfigureAwait(false)).Where(c => c.Type == DashboardRoles.AgencyClaim).ToList();
        if (claims.Count > 0)
            Check(await users.RemoveClaimsAsync(user, claims).ConfigureAwait(false));
        var wanted = agencies.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (role == DashboardRoles.Coordinator && wanted.Count > 0)
            Check(await users.AddClaimsAsync(user, wanted.Select(a => new Claim(DashboardRoles.AgencyClaim, a))).ConfigureAwait(false));
    }

    /// <summary>Links a Mentor account to the civil servant (by NIP) whose mentees it shows; replaces an earlier link.</summary>
    public async Task LinkMentorAsync(string email, string nip)
    {
        var user = await users.FindByEmailAsync(email.Trim()).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"There is no dashboard account {email}.");
        var digits = new string([.. (nip ?? "").Where(char.IsAsciiDigit)]);
        if (digits.Length == 0)
            throw new ArgumentException("A mentor's NIP has digits.", nameof(nip));
        var old = (await users.GetClaimsAsync(user).ConfigureAwait(false)).Where(c => c.Type == DashboardRoles.MentorNipClaim).ToList();
        if (old.Count > 0)
            Check(await users.RemoveClaimsAsync(user, old).ConfigureAwait(false));
        Check(await users.AddClaimAsync(user, new Claim(DashboardRoles.MentorNipClaim, digits)).ConfigureAwait(false));
    }

    /// <summary>16 characters from an unambiguous alphabet, with at least one letter of each case, a digit and a symbol.</summary>
    public static string OneTimePassword()
    {
        var all = Letters + Digits + Symbols;
        var chars = new List<char>
        {
            Letters[RandomNumberGenerator.GetInt32(0, 24)],
            Letters[RandomNumberGenerator.GetInt32(24, Letters.Length)],
            Digits[RandomNumberGenerator.GetInt32(Digits.Length)],
            Symbols[RandomNumberGenerator.GetInt32(Symbols.Length)],
        };
        while (chars.Count < 16)
            chars.Add(all[RandomNumberGenerator.GetInt32(all.Length)]);
        return new string([.. chars.OrderBy(_ => RandomNumberGenerator.GetInt32(int.MaxValue))]);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
