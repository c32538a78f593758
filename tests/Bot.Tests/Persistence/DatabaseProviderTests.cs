using AsnBot.Bot.Tests.Channels.Web;
using AsnBot.Bot.Tests.Support;
using AsnBot.Dashboard.Persistence;
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

    [Fact]
    public async Task SQLite_dashboard_migrations_produce_the_current_model_beside_the_domain_tables()
    {
        var file = Path.Combine(Path.GetTempPath(), $"asnbot-model-{Guid.NewGuid():N}.db");
        try
        {
            await using var domain = new SqliteAsnBotDbContext(new DbContextOptionsBuilder<SqliteAsnBotDbContext>().UseSqlite($"Data Source={file}").Options);
            await domain.Database.MigrateAsync();
            await using var db = new SqliteDashboardDbContext(new DbContextOptionsBuilder<SqliteDashboardDbContext>()
                .UseSqlite($"Data Source={file}", o => o.MigrationsHistoryTable(DashboardDbContext.MigrationsHistoryTable)).Options);
            await AssertMigrationsCompleteAsync(db);
        }
        finally
        {
            BotApp.DeleteDatabase(file);
        }
    }

    [Fact]
    public async Task PostgreSQL_dashboard_migrations_produce_the_current_model_beside_the_domain_tables()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync();
        await using var domain = new PostgresAsnBotDbContext(new DbContextOptionsBuilder<PostgresAsnBotDbContext>().UseNpgsql(connectionString).Options);
        await domain.Database.MigrateAsync();
        await using var db = new PostgresDashboardDbContext(new DbContextOptionsBuilder<PostgresDashboardDbContext>()
            .UseNpgsql(connectionString, o => o.MigrationsHistoryTable(DashboardDbContext.MigrationsHistoryTable)).Options);
        await AssertMigrationsCompleteAsync(db);
    }

    [Fact]
    public async Task A_coordinator_signs_in_and_exports_on_PostgreSQL()
    {
        await using var app = BotApp.OnPostgres(await postgres.Server.CreateDatabaseAsync());
        using var http = await app.CreateSignedInClientAsync(AsnBot.Dashboard.Access.DashboardRoles.Coordinator, "Pemerintah Kota Ambon");
        var csv = await http.GetStringAsync("/admin/ekspor/pegawai.csv");
        Assert.StartsWith("nip,nama,instansi", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
    }

    private static async Task AssertMigrationsCompleteAsync(DbContext db)
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
