using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AsnBot.Dashboard.Access;

/// <summary>Roles and agency claims come from Identity; this adds the flag of a one-time password still in use.</summary>
public sealed class DashboardClaimsFactory(UserManager<DashboardUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<DashboardUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(DashboardUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user).ConfigureAwait(false);
        if (user.MustChangePassword)
            identity.AddClaim(new Claim(DashboardRoles.MustChangePasswordClaim, "true"));
        return identity;
    }
}
