using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AsnBot.TestPeers.Telegram;

/// <summary>
/// A Bot API server on loopback for end-to-end tests: point the real Telegram.Bot client at it with
/// <c>new TelegramBotClientOptions(server.Token, baseUrl: server.BaseUrl.ToString())</c>, then play the users
/// (<see cref="SendText"/>, <see cref="PressButton"/>), inject faults and inspect every call.
/// </summary>
public sealed partial class FakeTelegramServer : IAsyncDisposable
{
    private readonly TelegramState _state;
    private readonly WebApplication _app;
    private readonly WebhookDelivery _webhookDelivery;
    private readonly CancellationTokenSource _stopping = new();

    private FakeTelegramServer(FakeTelegramOptions options)
    {
        _state = new TelegramState(options);
        var endpoint = new BotApiEndpoint(_state, _stopping.Token);
        _webhookDelivery = new WebhookDelivery(_state.Updates, _state.Webhook, options, endpoint.RunFromWebhookResponseAsync);

        // The empty builder reads no appsettings or environment, so nothing in the test's
        // working directory can move the server off loopback or turn on logging.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Services.AddRoutingCore();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
        _app = builder.Build();
        endpoint.Map(_app);
    }

    /// <summary>Where the client should send requests, e.g. <c>http://127.0.0.1:49152/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The bot token the fake accepts; any other gets 401 Unauthorized.</summary>
    public string Token => _state.Token;

    public long BotId => _state.Options.BotId;

    public string BotUsername => _state.Options.BotUsername;

    /// <summary>Starts a fake on a free loopback port.</summary>
    public static async Task<FakeTelegramServer> StartAsync(
        FakeTelegramOptions? options = null, CancellationToken cancellationToken = default)
    {
        var server = new FakeTelegramServer(options ?? new FakeTelegramOptions());
        try
        {
            await server._app.StartAsync(cancellationToken).ConfigureAwait(false);
            server.BaseUrl = new Uri(server._app.Urls.Single());
            server._webhookDelivery.Start();
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Release long polls and hung requests first so Kestrel does not wait for them to drain.
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _webhookDelivery.DisposeAsync().ConfigureAwait(false);
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }
}
