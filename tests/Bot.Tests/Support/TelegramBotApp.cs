using System.Net;
using System.Net.Sockets;
using AsnBot.Channels.Telegram;
using AsnBot.Knowledge.Persistence;
using AsnBot.TestPeers.Telegram;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AsnBot.Bot.Tests.Support;

/// <summary>
/// The real bot with its Telegram channel pointed at a fake Bot API server on loopback. In
/// webhook mode it listens on a real loopback port (Kestrel), since the fake delivers over HTTP.
/// Two instances on the same database file behave like a restart.
/// </summary>
public sealed class TelegramBotApp : WebApplicationFactory<Program>
{
    public const string WebhookSecret = "test-secret_0123456789";
    private readonly FakeTelegramServer _telegram;
    private readonly int _port;

    public TelegramBotApp(FakeTelegramServer telegram, TelegramMode mode, string? databaseFile = null)
    {
        _telegram = telegram;
        Mode = mode;
        DatabaseFile = databaseFile ?? Path.Combine(Path.GetTempPath(), $"asnbot-telegram-{Guid.NewGuid():N}.db");
        if (mode == TelegramMode.Webhook)
        {
            _port = FreeLoopbackPort();
            UseKestrel(_port);
        }
    }

    public TelegramMode Mode { get; }

    /// <summary>Settings over the ones below (e.g. "Delivery:RetryBaseDelay"); set them before <see cref="Start"/>.</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.Ordinal);

    public string DatabaseFile { get; }

    /// <summary>Services over the bot's own (e.g. an action that fails); set before <see cref="Start"/>.</summary>
    public Action<IServiceCollection>? ConfigureTestServices { get; init; }

    public Uri WebhookUrl => new($"http://127.0.0.1:{_port}{TelegramWebhook.Path}");

    /// <summary>Starts the host, and with it polling or the webhook registration.</summary>
    public TelegramBotApp Start()
    {
        StartServer();
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:AsnBot", $"Data Source={DatabaseFile}");
        builder.UseSetting("Content:DialogsPath", RepoPaths.Dialogs);
        builder.UseSetting("Content:DataPath", RepoPaths.Data);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Telegram:BotToken", _telegram.Token);
        builder.UseSetting("Telegram:ApiBaseUrl", _telegram.BaseUrl.ToString());
        builder.UseSetting("Telegram:Mode", Mode.ToString());
        if (Mode == TelegramMode.Webhook)
        {
            builder.UseSetting("Telegram:WebhookUrl", WebhookUrl.ToString());
            builder.UseSetting("Telegram:WebhookSecret", WebhookSecret);
        }
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
        if (ConfigureTestServices is { } configure)
            builder.ConfigureTestServices(configure);
    }

    public async Task<T> QueryAsync<T>(Func<AsnBotDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AsnBotDbContext>());
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// A person in their Telegram chat with the bot. Every input waits until the bot has taken the
/// update (confirmed by the next getUpdates, or the webhook answered), which happens only after
/// its replies went out, so <see cref="Last"/> holds the whole answer.
/// </summary>
public sealed class TelegramPerson(FakeTelegramServer telegram, SimulatedUser user)
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public SimulatedUser User { get; } = user;

    public long ChatId => User.ChatId;

    public IReadOnlyList<SentMessage> Last { get; private set; } = [];

    public string LastText => string.Join("\n", Last.Select(m => m.Text));

    public SimulatedInput? LastInput { get; private set; }

    public Task<IReadOnlyList<SentMessage>> SayAsync(string text) => SettleAsync(telegram.SendText(User.Id, text));

    /// <summary>Presses the button labelled <paramref name="label"/> on the newest message that has it.</summary>
    public async Task<IReadOnlyList<SentMessage>> PressAsync(string label)
    {
        var message = telegram.BotMessages(ChatId).LastOrDefault(m => m.Keyboard?.FindByText(label) is not null)
            ?? throw new InvalidOperationException($"No message in chat {ChatId} has a button '{label}'. Last: {LastText}");
        var input = telegram.PressButtonWithText(User.Id, message.MessageId, label);
        await telegram.WaitForCallbackAnswerAsync(input.CallbackQueryId!, Patience);
        return await SettleAsync(input);
    }

    public async Task<IReadOnlyList<SentMessage>> SettleAsync(SimulatedInput input)
    {
        LastInput = input;
        await telegram.WaitForUpdatesConsumedAsync(Patience);
        Last = await telegram.WaitForBotMessagesAsync(ChatId, 0, Patience);
        return Last;
    }

    public async Task RegisterAsync(string nip = "19850312 201001 1 003", string name = "Siti Rahma")
    {
        await FillRegistrationAsync(nip, name);
        await PressAsync("Benar, simpan");
    }

    /// <summary>Answers registration up to its summary, where "Benar, simpan" waits.</summary>
    public async Task FillRegistrationAsync(string nip = "19850312 201001 1 003", string name = "Siti Rahma")
    {
        await SayAsync("/start");
        await PressAsync("Setuju");
        await SayAsync(nip);
        await SayAsync(name);
        await SayAsync("Pemerintah Kota Ambon");
        await SayAsync("Dinas Kesehatan");
        await SayAsync("Analis Kebijakan");
        await PressAsync("Fungsional Ahli Muda");
        await SayAsync("maluku");
        await SayAsync("Kota Ambon");
        await PressAsync("08.00");
    }
}
