using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsnBot.Knowledge.Persistence;

public static class DatabaseMigrator
{
    /// <summary>Creates the database if needed and applies every pending migration of the configured provider.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AsnBotDbContext>();
        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        foreach (var schema in scope.ServiceProvider.GetServices<IAdditionalSchema>())
            await schema.MigrateAsync(cancellationToken).ConfigureAwait(false);
    }
}
