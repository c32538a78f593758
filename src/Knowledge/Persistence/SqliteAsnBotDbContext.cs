using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AsnBot.Knowledge.Persistence;

/// <summary>
/// The SQLite flavour of the context: each provider has a context type of its own so that
/// each keeps its own, complete set of migrations.
/// </summary>
public sealed class SqliteAsnBotDbContext(DbContextOptions<SqliteAsnBotDbContext> options) : AsnBotDbContext(options);

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite context without the host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAsnBotDbContext>
{
    public SqliteAsnBotDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAsnBotDbContext>().UseSqlite("Data Source=design.db").Options);
}
