using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using AsnBot.Bot.Tests.Support;
using AsnBot.Knowledge.Persistence;
using AsnBot.TestPeers.Teams;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AsnBot.Bot.Tests.Channels.Teams;

/// <summary>
/// The real bot in-process, on its own SQLite file, with the Teams channel pointed at a
/// <see cref="FakeBotFramework"/> on loopback. In-process requests carry no address, so the
/// caller's address is set here (loopback unless a test says otherwise).
/// </summary>
public sealed class TeamsBotApp(FakeBotFramework botFramework, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public const string AppId = "8f2b1f8e-0000-4000-8000-00000000b07a";

    public string DatabaseFile { get; } = Path.Combine(Path.GetTempPath(), $"asnbot-teams-{Guid.NewGuid():N}.db");

    public IPAddress CallerAddress { get; set; } = IPAddress.Loopback;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:AsnBot", $"Data Source={DatabaseFile}");
        builder.UseSetting("Content:DialogsPath", RepoPaths.Dialogs);
        builder.UseSetting("Content:DataPath", RepoPaths.Data);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        var teams = new Dictionary<string, string?>
        {
            ["Teams:AppId"] = AppId,
            ["Teams:AppPassword"] = "test-secret",
            ["Teams:OpenIdMetadataUrl"] = botFramework.OpenIdMetadataUrl,
            ["Teams:TokenEndpoint"] = botFramework.TokenEndpoint,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            teams[key] = value;
        foreach (var (key, value) in teams)
            builder.UseSetting(key, value);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new CallerAddressFilter(this)));
    }

    public async Task<T> QueryAsync<T>(Func<AsnBotDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AsnBotDbContext>());
    }

    /// <summary>Posts an activity as the Bot Framework would, with a token from the fake unless the test gives one.</summary>
    public async Task<HttpStatusCode> PostAsync(JsonObject activity, string? token = null, bool withToken = true)
    {
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(activity.ToJsonString(), System.Text.Encoding.UTF8, "application/json") };
        token ??= withToken ? botFramework.IssueToken(AppId, botFramework.ServiceUrl) : null;
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        File.Delete(DatabaseFile);
        GC.SuppressFinalize(this);
    }

    private sealed class CallerAddressFilter(TeamsBotApp app) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
        {
            builder.Use((HttpContext context, RequestDelegate following) =>
            {
                context.Connection.RemoteIpAddress = app.CallerAddress;
                return following(context);
            });
            next(builder);
        };
    }
}

/// <summary>One person in a Teams personal chat with the bot: builds the activities Teams would send.</summary>
public sealed class TeamsUser(FakeBotFramework botFramework, string? conversationId = null)
{
    public const string BotId = "28:" + TeamsBotApp.AppId;

    private int _sequence;

    public string ConversationId { get; } = conversationId ?? "a:1" + Guid.NewGuid().ToString("N");
    public string UserId { get; } = "29:1" + Guid.NewGuid().ToString("N");
    public string AadObjectId { get; } = Guid.NewGuid().ToString();
    public string TenantId { get; init; } = FakeBotFramework.TenantId;

    public JsonObject Message(string text) => Activity("message", a => a["text"] = text);

    public JsonObject Submit(string choice) => Activity("message", a => a["value"] = new JsonObject { ["choice"] = choice });

    public JsonObject BotAdded() => Activity("conversationUpdate", a => a["membersAdded"] = new JsonArray(
        new JsonObject { ["id"] = UserId, ["aadObjectId"] = AadObjectId }, new JsonObject { ["id"] = BotId }));

    public JsonObject Installation(string action) => Activity("installationUpdate", a => a["action"] = action);

    public JsonObject Activity(string type, Action<JsonObject>? shape = null)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = $"f:{Interlocked.Increment(ref _sequence)}-{Guid.NewGuid():N}",
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["serviceUrl"] = botFramework.ServiceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = UserId, ["name"] = "Siti Rahma", ["aadObjectId"] = AadObjectId },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "AsnBot" },
            ["conversation"] = new JsonObject { ["id"] = ConversationId, ["conversationType"] = "personal", ["tenantId"] = TenantId },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
            ["locale"] = "id-ID",
        };
        shape?.Invoke(activity);
        return activity;
    }
}
