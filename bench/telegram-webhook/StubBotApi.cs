using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace AsnBot.Bench.TelegramWebhook;

/// <summary>
/// The cheapest Bot API that still answers like Telegram: every method succeeds, sendMessage
/// returns a message and remembers its keyboard (the walk presses those buttons). It validates
/// nothing and logs nothing, and speaks HTTP on a plain socket (<see cref="LoopbackHttpConnection"/>)
/// with a JSON reader rather than a document, so the figures measure the bot rather than its peer.
/// </summary>
internal sealed class StubBotApi : IBotApiPeer
{
    public string Token => "7100000001:AAStubTokenForTheWebhookBenchmark00";
    private readonly Socket _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Socket, byte> _connections = new();
    private readonly ConcurrentDictionary<long, List<(int MessageId, string Text, List<(string Label, string Data)> Buttons)>> _chats = new();
    private readonly Task _accepting;
    private int _nextMessageId;

    private StubBotApi()
    {
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(512);
        BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndPoint!).Port}/");
        _accepting = AcceptAsync();
    }

    public Uri BaseUrl { get; }

    public static Task<StubBotApi> StartAsync() => Task.FromResult(new StubBotApi());

    public void CreateChat(long chatId) => _chats.TryAdd(chatId, []);

    public (int MessageId, string Text, string Data) FindButton(long chatId, string label)
    {
        var messages = _chats[chatId];
        lock (messages)
        {
            for (var i = messages.Count - 1; i >= 0; i--)
            {
                foreach (var button in messages[i].Buttons)
                {
                    if (button.Label == label)
                        return (messages[i].MessageId, messages[i].Text, button.Data);
                }
            }
        }
        throw new InvalidOperationException($"No button '{label}' in chat {chatId}.");
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptAsync(_stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            socket.NoDelay = true;
            _connections.TryAdd(socket, 0);
            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using var connection = new LoopbackHttpConnection(socket);
        var body = new ArrayBufferWriter<byte>(1024);
        try
        {
            while (await connection.ReadAsync(_stopping.Token) is { } request)
            {
                Answer(request, body);
                connection.Write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "u8, body.WrittenSpan);
                body.ResetWrittenCount();
                await connection.SendAsync(_stopping.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
        {
            // The bot closed the connection, or the benchmark is over.
        }
        finally
        {
            _connections.TryRemove(socket, out _);
        }
    }

    /// <summary>"POST /bot{token}/{method} HTTP/1.1": the method is the path's last segment.</summary>
    private void Answer(LoopbackHttpMessage request, ArrayBufferWriter<byte> body)
    {
        var line = request.StartLine.Span;
        var path = line[..line.LastIndexOf((byte)' ')];
        var method = path[(path.LastIndexOf((byte)'/') + 1)..];
        if (method.SequenceEqual("sendMessage"u8))
            WriteMessage(body, Sent(request.Body.Span));
        else if (method.SequenceEqual("editMessageReplyMarkup"u8))
            WriteMessage(body, Edited(request.Body.Span));
        else
            body.Write("""{"ok":true,"result":true}"""u8);
    }

    /// <summary>Writes {"ok":true,"result":message}.</summary>
    private static void WriteMessage(ArrayBufferWriter<byte> body, (long ChatId, int MessageId, string Text) message)
    {
        using var json = new Utf8JsonWriter(body);
        json.WriteStartObject();
        json.WriteBoolean("ok", true);
        json.WriteStartObject("result");
        json.WriteNumber("message_id", message.MessageId);
        json.WriteNumber("date", DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        json.WriteStartObject("chat");
        json.WriteNumber("id", message.ChatId);
        json.WriteString("type", "private");
        json.WriteEndObject();
        json.WriteString("text", message.Text);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static (long ChatId, int MessageId, string Text) Edited(ReadOnlySpan<byte> request)
    {
        long chatId = 0;
        var messageId = 0;
        var json = new Utf8JsonReader(request);
        while (json.Read())
        {
            if (json.TokenType != JsonTokenType.PropertyName || json.CurrentDepth != 1)
                continue;
            if (json.ValueTextEquals("chat_id"u8) && json.Read())
                chatId = json.GetInt64();
            else if (json.ValueTextEquals("message_id"u8) && json.Read())
                messageId = json.GetInt32();
        }
        return (chatId, messageId, "-");
    }

    /// <summary>Remembers a sent message and its inline keyboard's buttons (text and callback_data of each).</summary>
    private (long ChatId, int MessageId, string Text) Sent(ReadOnlySpan<byte> request)
    {
        long chatId = 0;
        var text = string.Empty;
        var buttons = new List<(string, string)>();
        string? label = null, data = null;
        var json = new Utf8JsonReader(request);
        while (json.Read())
        {
            if (json.TokenType == JsonTokenType.EndObject && label is not null && data is not null)
            {
                buttons.Add((label, data));
                label = data = null;
            }
            if (json.TokenType != JsonTokenType.PropertyName)
                continue;
            var topLevel = json.CurrentDepth == 1;
            if (topLevel && json.ValueTextEquals("chat_id"u8) && json.Read())
                chatId = json.GetInt64();
            else if (topLevel && json.ValueTextEquals("text"u8) && json.Read())
                text = json.GetString() ?? string.Empty;
            else if (!topLevel && json.ValueTextEquals("text"u8) && json.Read())
                label = json.GetString();
            else if (!topLevel && json.ValueTextEquals("callback_data"u8) && json.Read())
                data = json.GetString();
        }
        var id = Interlocked.Increment(ref _nextMessageId);
        var messages = _chats.GetOrAdd(chatId, _ => []);
        lock (messages)
            messages.Add((id, text, buttons));
        return (chatId, id, text);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Dispose();
        foreach (var socket in _connections.Keys)
            socket.Dispose();
        await _accepting;
        _stopping.Dispose();
    }
}
