using AsnBot.Knowledge.Catalog;
using AsnBot.Knowledge.Content;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Regions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AsnBot.Knowledge;

public static class DependencyInjection
{
    public const string ConnectionStringName = "AsnBot";
    public const string DefaultConnectionString = "Data Source=data/asnbot.db";

    public static IHostApplicationBuilder AddKnowledge(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.Section);

        // Pooled: every turn and every outbox round opens a scope with a context, and a fresh
        // context builds its internal services anew each time; a pooled one is only reset.
        builder.Services.AddDbContextPool<SqliteAsnBotDbContext>((services, options) =>
            options.UseSqlite(SqliteConnectionString(services.GetRequiredService<IConfiguration>()))
                .AddInterceptors(new SqlitePragmas()));
        builder.Services.AddDbContextPool<PostgresAsnBotDbContext>((services, options) =>
            options.UseNpgsql(PostgresConnectionString(services.GetRequiredService<IConfiguration>())));
        builder.Services.AddScoped<AsnBotDbContext>(services =>
            services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider switch
            {
                DatabaseProvider.Postgres => services.GetRequiredService<PostgresAsnBotDbContext>(),
                _ => services.GetRequiredService<SqliteAsnBotDbContext>(),
            });

        builder.Services.AddSingleton(services =>
            RegionDirectory.Load(services.GetRequiredService<IOptions<ContentOptions>>().Value.DataFile("regions.yaml")));
        builder.Services.AddSingleton(services =>
            ImportTexts.Load(services.GetRequiredService<IOptions<ContentOptions>>().Value.DataFile(ImportTexts.FileName)));
        return builder;
    }

    public static string PostgresConnectionString(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString) || connectionString.Contains("Data Source", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException(
                "Database:Provider is 'Postgres' but ConnectionStrings:AsnBot is not a PostgreSQL connection string (e.g. 'Host=127.0.0.1;Port=5432;Database=asnbot;Username=asnbot;Password=...').");
        return connectionString;
    }

    /// <summary>The SQLite file's folder is created, so a fresh clone needs no manual step.</summary>
    public static string SqliteConnectionString(IConfiguration configuration)
    {
        var builder = new SqliteConnectionStringBuilder(configuration.GetConnectionString(ConnectionStringName) ?? DefaultConnectionString);
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
            Directory.CreateDirectory(folder);
        return builder.ToString();
    }
}
