using Microsoft.EntityFrameworkCore;

namespace AsnBot.Knowledge.Persistence;

/// <summary>
/// One context for the whole domain. Each feature folder maps its own entities with an
/// <see cref="IEntityTypeConfiguration{TEntity}"/>, picked up here, so features never
/// edit this file to add a table.
/// </summary>
public class AsnBotDbContext(DbContextOptions options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AsnBotDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // SQLite cannot order or compare DateTimeOffset; store UTC ticks on every provider.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }
}
