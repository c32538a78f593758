using AsnBot.Bot.Tests.Channels.Web;
using AsnBot.Bot.Tests.Support;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Bot.Tests.Persistence;

/// <summary>Both providers have complete migrations, and the bot works the same on each.</summary>
[Collection(PostgresTests.Name)]
[Trait("Category", "EndToEnd")]
public sealed class DatabaseProviderTests(PostgresFixture postgres)
{
    [Fact]
    public async Task SQLite_migrations_produce_the_current_model()
    {
        var file = Path.Combine(Path.GetTempPath(), $"asnbot-model-{Guid.NewGuid():N}.db");
        try
        {
            await using var db = new SqliteAsnBotDbContext(new DbContextOptionsBuilder<SqliteAsnBotDbContext>().UseSqlite($"Data Source={file}").Options);
            await AssertMigrationsCompleteAsync(db);
        }
        finally
        {
            BotApp.DeleteDatabase(file);
        }
    }

    [Fact]
    public async Task PostgreSQL_migrations_produce_the_current_model()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync();
        await using var db = new PostgresAsnBotDbContext(new DbContextOptionsBuilder<PostgresAsnBotDbContext>().UseNpgsql(connectionString).Options);
        await AssertMigrationsCompleteAsync(db);
    }

    private static async Task AssertMigrationsCompleteAsync(AsnBotDbContext db)
    {
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no migration captures: add a migration for this provider.");
        await db.Database.MigrateAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Registration_and_deletion_work_on_PostgreSQL()
    {
        await using var app = BotApp.OnPostgres(await postgres.Server.CreateDatabaseAsync());
        var chat = app.Chat();
        await RegistrationOverWebChatTests.RegisterAsync(chat);
        Assert.Contains("Profil Anda sudah tersimpan", chat.LastText, StringComparison.Ordinal);
        Assert.Equal(IndonesianTimeZone.WIT, (await app.QueryAsync(db => db.Set<Person>().SingleAsync())).TimeZone);

        await chat.SayAsync("/hapusdata");
        await chat.PressAsync("ya");
        Assert.Equal(0, await app.QueryAsync(db => db.Set<Person>().CountAsync()));
    }
}
