using AsnBot.TestPeers.Telegram;
using Telegram.Bot;

namespace AsnBot.EndToEnd.Tests.Telegram;

/// <summary>
/// Per-test fake Telegram plus a real Telegram.Bot client pointed at it. Automatic 429 retries are switched off
/// (RetryThreshold 0) so every fault the fake injects reaches the test as the client's own exception.
/// </summary>
public abstract class FakeTelegramTestBase : IAsyncLifetime
{
    /// <summary>Upper bound for every wait; generous so a slow CI machine does not flake, never slept through.</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    protected FakeTelegramServer Server { get; private set; } = null!;

    protected TelegramBotClient Bot { get; private set; } = null!;

    /// <summary>A plain HTTP client for checking the wire format the Telegram.Bot client hides; shared, as HttpClient is meant to be.</summary>
    protected static HttpClient Raw { get; } = new();

    public async Task InitializeAsync()
    {
        Server = await FakeTelegramServer.StartAsync();
        Bot = CreateBot(httpClient: null);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
    }

    /// <summary>A client for the fake; without an <paramref name="httpClient"/> Telegram.Bot makes its own.</summary>
    protected TelegramBotClient CreateBot(HttpClient? httpClient) =>
        new(new TelegramBotClientOptions(Server.Token, baseUrl: Server.BaseUrl.ToString()) { RetryThreshold = 0 }, httpClient);

    /// <summary>
    /// Built by concatenation, as Telegram.Bot does: resolving "bot123:ABC/..." as a relative URI would read "bot123" as a scheme.
    /// </summary>
    protected Uri MethodUrl(string method) => new($"{Server.BaseUrl}bot{Server.Token}/{method}");
}
