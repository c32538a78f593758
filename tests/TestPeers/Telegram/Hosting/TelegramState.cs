namespace AsnBot.TestPeers.Telegram;

/// <summary>Everything one fake Telegram holds, shared by the HTTP side and the simulation API.</summary>
internal sealed class TelegramState
{
    public TelegramState(FakeTelegramOptions options)
    {
        Options = options;
        Token = $"{options.BotId}:{options.TokenSecret}";
        Bot = new ApiUser(options.BotId, true, options.BotFirstName, Username: options.BotUsername);
        Chats = new ChatStore(Bot, options.Clock);
        Callbacks = new CallbackQueries(options.Clock);
        Updates = new UpdateQueue(options.FirstUpdateId);
    }

    public FakeTelegramOptions Options { get; }

    public string Token { get; }

    public ApiUser Bot { get; }

    public ChatStore Chats { get; }

    public CallbackQueries Callbacks { get; }

    public UpdateQueue Updates { get; }

    public WebhookRegistration Webhook { get; } = new();

    public PollerTurns Pollers { get; } = new();

    public FileStore Files { get; } = new();

    public FaultRules Faults { get; } = new();

    public CallLog Calls { get; } = new();
}
