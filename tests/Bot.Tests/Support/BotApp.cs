using System.Net.Http.Json;
using AsnBot.Channels.Web;
using AsnBot.Knowledge.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AsnBot.Bot.Tests.Support;

/// <summary>
/// The real bot in-process on a real SQLite file of its own. Two instances on the same
/// file behave like a restart.
/// </summary>
public sealed class BotApp : WebApplicationFactory<Program>
{
    private readonly string? _postgresConnectionString;

    private readonly bool _ownsDatabase;

    /// <param name="databaseFile">A file shared with another instance (a restart); the caller deletes it. By default the app uses, and on dispose deletes, a file of its own.</param>
    public BotApp(string? databaseFile = null)
    {
        _ownsDatabase = databaseFile is null;
        DatabaseFile = databaseFile ?? Path.Combine(Path.GetTempPath(), $"asnbot-test-{Guid.NewGuid():N}.db");
    }

    public LogScanner Logs { get; } = new();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
            DeleteDatabase(DatabaseFile);
        // Every test that runs the bot also proves its logs hold no NIP, token or password.
        Logs.AssertNoSecrets(Settings.Where(s => IsSecretKey(s.Key)).Select(s => s.Value).OfType<string>());
    }

    private static bool IsSecretKey(string key) =>
        new[] { "Token", "Password", "Secret", "ApiKey" }.Any(word => key.Contains(word, StringComparison.OrdinalIgnoreCase));

    public static void DeleteDatabase(string file)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(file + suffix);
    }

    private BotApp(string postgresConnectionString, Action<IServiceCollection>? configureTestServices)
        : this()
    {
        _postgresConnectionString = postgresConnectionString;
        ConfigureTestServices = configureTestServices;
    }

    /// <summary>The same bot on a PostgreSQL database instead of a SQLite file.</summary>
    public static BotApp OnPostgres(string connectionString, Action<IServiceCollection>? configureTestServices = null) =>
        new(connectionString, configureTestServices);

    public string DatabaseFile { get; }

    /// <summary>Settings over the defaults below (e.g. "Scheduler:Enabled" = "true"); set them before the first request.</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.Ordinal)
    {
        // Tests talk faster than people; the flood tests set their own limit.
        ["Flood:MaxMessages"] = "10000",
    };

    /// <summary>Replaces or adds services (a fake clock, a test channel sender).</summary>
    public Action<IServiceCollection>? ConfigureTestServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (_postgresConnectionString is null)
        {
            builder.UseSetting("ConnectionStrings:AsnBot", $"Data Source={DatabaseFile}");
        }
        else
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:AsnBot", _postgresConnectionString);
        }
        builder.UseSetting("Content:DialogsPath", RepoPaths.Dialogs);
        builder.UseSetting("Content:DataPath", RepoPaths.Data);
        builder.UseSetting("Logging:LogLevel:Default", "Information");
        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(Logs);
        });
        // Background sending and scheduled jobs only where a test asks for them.
        builder.UseSetting("Scheduler:Enabled", "false");
        builder.UseSetting("Delivery:Enabled", "false");
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
        if (ConfigureTestServices is { } configure)
            builder.ConfigureTestServices(configure);
    }

    public WebChatSession Chat(string? sessionId = null) => new(CreateClient(), sessionId ?? "test-" + Guid.NewGuid().ToString("N")[..16]);

    /// <summary>Runs a query on the bot's own database.</summary>
    public async Task<T> QueryAsync<T>(Func<AsnBotDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AsnBotDbContext>());
    }
}

/// <summary>One person in the web chat.</summary>
public sealed class WebChatSession(HttpClient http, string sessionId)
{
    public string SessionId { get; } = sessionId;
    public IReadOnlyList<WebChatReply> Last { get; private set; } = [];

    public Task<IReadOnlyList<WebChatReply>> SayAsync(string text) => PostAsync(new { text });

    public Task<IReadOnlyList<WebChatReply>> PressAsync(string value) => PostAsync(new { choice = value });

    /// <summary>Presses the button with this value when the last reply has one, else types it.</summary>
    public Task<IReadOnlyList<WebChatReply>> PressOrSayAsync(string answer) =>
        LastChoices.Contains(answer) ? PressAsync(answer) : SayAsync(answer);

    private async Task<IReadOnlyList<WebChatReply>> PostAsync(object body)
    {
        using var response = await http.PostAsJsonAsync($"/api/webchat/{SessionId}/messages", body);
        response.EnsureSuccessStatusCode();
        var payload = await response.Content.ReadFromJsonAsync<WebChatResponse>();
        Last = payload!.Replies;
        return Last;
    }

    public string LastText => string.Join("\n", Last.Select(r => r.Text));

    public IReadOnlyList<string> LastChoices => Last.Count == 0 ? [] : [.. Last[^1].Choices.Select(c => c.Value)];
}
