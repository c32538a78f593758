using AsnBot.Dashboard.Access;
using AsnBot.Knowledge.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Dashboard.Persistence;

/// <summary>Migrates the dashboard's tables after the domain's, and makes sure its roles exist.</summary>
public sealed class DashboardSchema(DashboardDbContext db, RoleManager<IdentityRole> roles) : IAdditionalSchema
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        foreach (var role in DashboardRoles.All)
        {
            if (!await roles.RoleExistsAsync(role).ConfigureAwait(false))
                await roles.CreateAsync(new IdentityRole(role)).ConfigureAwait(false);
        }
    }
}
