using Microsoft.AspNetCore.Identity;

namespace AsnBot.Dashboard.Access;

/// <summary>A person who signs in to the dashboard (an admin, a coordinator or a mentor), not a civil servant of the bot.</summary>
public sealed class DashboardUser : IdentityUser
{
    /// <summary>True while the account has a one-time password: every page leads to the change-password form.</summary>
    public bool MustChangePassword { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
