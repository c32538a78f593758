using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AsnBot.Knowledge.Persistence;

/// <summary>The PostgreSQL flavour of the context, with its own complete set of migrations.</summary>
public sealed class PostgresAsnBotDbContext(DbContextOptions<PostgresAsnBotDbContext> options) : AsnBotDbContext(options);

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL context without a server.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAsnBotDbContext>
{
    public PostgresAsnBotDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAsnBotDbContext>().UseNpgsql("Host=localhost;Database=asnbot_design").Options);
}
