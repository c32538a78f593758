using AsnBot.Dashboard.Access;
using AsnBot.Dashboard.Audit;
using AsnBot.Knowledge.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Dashboard.Persistence;

/// <summary>
/// The dashboard's own tables (sign-in accounts, roles, agency claims, audit log) in the same
/// database as the domain, kept by a context of their own: Identity needs its base context,
/// and the domain (src/Knowledge) stays free of sign-in concerns. Each provider has its own
/// context type and migrations, recorded in their own history table.
/// </summary>
public class DashboardDbContext(DbContextOptions options) : IdentityDbContext<DashboardUser>(options)
{
    public const string MigrationsHistoryTable = "__dashboard_migrations";

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.Entity<DashboardUser>().ToTable("dashboard_users");
        builder.Entity<IdentityRole>().ToTable("dashboard_roles");
        builder.Entity<IdentityUserRole<string>>().ToTable("dashboard_user_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("dashboard_user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("dashboard_user_logins");
        builder.Entity<IdentityUserToken<string>>().ToTable("dashboard_user_tokens");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("dashboard_role_claims");
        builder.Entity<AuditEntry>(audit =>
        {
            audit.ToTable("dashboard_audit");
            audit.HasKey(e => e.Id);
            audit.Property(e => e.UserName).HasMaxLength(256);
            audit.Property(e => e.Action).HasMaxLength(60);
            audit.Property(e => e.Subject).HasMaxLength(AuditLog.MaxSubjectLength);
            audit.HasIndex(e => e.At);
        });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // The same instants as the domain's tables: UTC ticks, comparable on SQLite too.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }
}

public sealed class SqliteDashboardDbContext(DbContextOptions<SqliteDashboardDbContext> options) : DashboardDbContext(options);

public sealed class PostgresDashboardDbContext(DbContextOptions<PostgresDashboardDbContext> options) : DashboardDbContext(options);
