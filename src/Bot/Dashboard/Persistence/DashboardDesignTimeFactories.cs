using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AsnBot.Dashboard.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite dashboard context without the host.</summary>
public sealed class SqliteDashboardDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDashboardDbContext>
{
    public SqliteDashboardDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteDashboardDbContext>()
            .UseSqlite("Data Source=design.db", o => o.MigrationsHistoryTable(DashboardDbContext.MigrationsHistoryTable)).Options);
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL dashboard context without a server.</summary>
public sealed class PostgresDashboardDesignTimeFactory : IDesignTimeDbContextFactory<PostgresDashboardDbContext>
{
    public PostgresDashboardDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresDashboardDbContext>()
            .UseNpgsql("Host=localhost;Database=asnbot_design", o => o.MigrationsHistoryTable(DashboardDbContext.MigrationsHistoryTable)).Options);
}
