using AsnBot.TestPeers.Postgres;

namespace AsnBot.Bot.Tests.Support;

/// <summary>One real PostgreSQL server for every test in the collection; each test takes a fresh database.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("PostgreSQL is not started.");

    /// <summary>The databases a test runs on, for <c>[MemberData]</c>: <c>sqlite</c> and <c>postgres</c>.</summary>
    public static TheoryData<string> Providers => new() { "sqlite", "postgres" };

    /// <summary>A bot on a fresh SQLite file, or on a fresh database of this server for <c>postgres</c>.</summary>
    public async Task<BotApp> StartAppAsync(string provider) =>
        provider == "postgres" ? BotApp.OnPostgres(await Server.CreateDatabaseAsync()) : new BotApp();

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresTests : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL";
}
