using AsnBot.Bot.Tests.Support;
using AsnBot.Channels.Telegram;
using AsnBot.TestPeers.Telegram;
using Microsoft.Extensions.DependencyInjection;

namespace AsnBot.Bot.Tests.Channels.Telegram;

/// <summary>A fake Bot API server per test and the real bot talking to it through Telegram.Bot.</summary>
public abstract class TelegramTestBase(TelegramMode mode) : IAsyncLifetime
{
    private readonly List<TelegramBotApp> _apps = [];

    protected FakeTelegramServer Telegram { get; private set; } = null!;

    protected TelegramBotApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Telegram = await FakeTelegramServer.StartAsync();
        App = StartApp();
    }

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
            await app.DisposeAsync();
        await Telegram.DisposeAsync();
        foreach (var file in _apps.Select(a => a.DatabaseFile).Distinct())
            File.Delete(file);
    }

    /// <summary>Another bot process on the same database, as after a restart, with <paramref name="services"/> over its own.</summary>
    protected TelegramBotApp StartApp(string? databaseFile = null, Action<IServiceCollection>? services = null)
    {
        var app = new TelegramBotApp(Telegram, mode, databaseFile) { ConfigureTestServices = services };
        _apps.Add(app);
        return app.Start();
    }

    protected TelegramPerson NewPerson(string firstName = "Siti") => new(Telegram, Telegram.CreateUser(firstName));
}
