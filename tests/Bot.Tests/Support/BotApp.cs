using System.Net.Http.Json;
using AsnBot.Channels.Web;
using AsnBot.Knowledge.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AsnBot.Bot.Tests.Support;

/// <summary>
/// The real bot in-process on a real SQLite file of its own. Two instances on the same
/// file behave like a restart.
/// </summary>
public sealed class BotApp : WebApplicationFactory<Program>
{
    public BotApp(string? databaseFile = null)
    {
        DatabaseFile = databaseFile ?? Path.Combine(Path.GetTempPath(), $"asnbot-test-{Guid.NewGuid():N}.db");
    }

    public string DatabaseFile { get; }

    /// <summary>Settings over the defaults below (e.g. "Scheduler:Enabled" = "true").</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.Ordinal);

    /// <summary>Replaces or adds services (a fake clock, a test channel sender).</summary>
    public Action<IServiceCollection>? ConfigureTestServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:AsnBot", $"Data Source={DatabaseFile}");
        builder.UseSetting("Content:DialogsPath", RepoPaths.Dialogs);
        builder.UseSetting("Content:DataPath", RepoPaths.Data);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
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
