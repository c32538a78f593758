using AsnBot.Knowledge.Persistence;
using AsnBot.TestPeers.Postgres;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Knowledge.Tests.Support;

/// <summary>A PostgreSQL server for the class, and a fresh migrated database of either provider per test.</summary>
public sealed class ProviderDatabases : IAsyncLifetime
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    private PostgresServer? _postgres;

    public async Task InitializeAsync() => _postgres = await PostgresServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_postgres is not null)
            await _postgres.DisposeAsync();
    }

    public async Task<ProviderDatabase> CreateAsync(string provider)
    {
        if (provider == Sqlite)
        {
            var file = await TestDatabase.CreateAsync();
            return new ProviderDatabase(file.Open, file.DisposeAsync);
        }
        var connectionString = await (_postgres ?? throw new InvalidOperationException("PostgreSQL is not started.")).CreateDatabaseAsync();
        PostgresAsnBotDbContext Open() => new(new DbContextOptionsBuilder<PostgresAsnBotDbContext>().UseNpgsql(connectionString).Options);
        await using (var db = Open())
            await db.Database.MigrateAsync();
        return new ProviderDatabase(Open, () => ValueTask.CompletedTask);
    }
}

public sealed class ProviderDatabase(Func<AsnBotDbContext> open, Func<ValueTask> dispose) : IAsyncDisposable
{
    public AsnBotDbContext Open() => open();

    public ValueTask DisposeAsync() => dispose();
}
