using AsnBot.TestPeers.Telegram;

namespace AsnBot.Bench.TelegramWebhook;

/// <summary>Where the bot's replies go, and where the walk finds the buttons to press.</summary>
internal interface IBotApiPeer : IAsyncDisposable
{
    Uri BaseUrl { get; }

    string Token { get; }

    void CreateChat(long chatId);

    (int MessageId, string Text, string Data) FindButton(long chatId, string label);
}

/// <summary>The test suite's faithful fake: validates and records every call, so it costs real CPU on the same cores.</summary>
internal sealed class FakeServerPeer(FakeTelegramServer server) : IBotApiPeer
{
    public FakeTelegramServer Server { get; } = server;

    public Uri BaseUrl => Server.BaseUrl;

    public string Token => Server.Token;

    public void CreateChat(long chatId) => Server.CreateUser("Pengguna", userId: chatId);

    public (int MessageId, string Text, string Data) FindButton(long chatId, string label)
    {
        var message = Server.BotMessages(chatId).Last(m => m.Keyboard?.FindByText(label) is not null);
        return (message.MessageId, message.Text, message.Keyboard!.FindByText(label)!.CallbackData!);
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
