using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AsnBot.Bench.TelegramWebhook;

/// <summary>Posts one update to the bot's webhook and says whether it answered 2xx.</summary>
internal delegate Task<bool> PostUpdate(byte[] update, CancellationToken cancellationToken);

/// <summary>
/// The simulated users' side of the webhook, as Telegram's servers would post: kept-alive
/// connections (<see cref="LoopbackHttpConnection"/>), one for each user waiting on an answer, the
/// secret header with every update.
/// </summary>
internal sealed class WebhookClient(Uri webhook, string secretHeader, string secret) : IDisposable
{
    private readonly ConcurrentBag<LoopbackHttpConnection> _idle = [];
    private readonly ConcurrentBag<LoopbackHttpConnection> _all = [];
    private readonly byte[] _head = Encoding.ASCII.GetBytes(
        $"POST {webhook.PathAndQuery} HTTP/1.1\r\nHost: {webhook.Authority}\r\nContent-Type: application/json\r\n{secretHeader}: {secret}\r\nContent-Length: ");

    public async Task<bool> PostAsync(byte[] update, CancellationToken cancellationToken)
    {
        var connection = _idle.TryTake(out var idle) ? idle : await ConnectAsync(cancellationToken);
        connection.Write(_head, update);
        await connection.SendAsync(cancellationToken);
        var response = await connection.ReadAsync(cancellationToken) ?? throw new IOException("The bot closed the connection without answering.");
        // "HTTP/1.1 200 OK": the status is the three digits after the first space.
        var line = response.StartLine.Span;
        var succeeded = line.Length >= 12 && line[9] == (byte)'2';
        _idle.Add(connection);
        return succeeded;
    }

    private async Task<LoopbackHttpConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Parse(webhook.Host), webhook.Port), cancellationToken);
        var connection = new LoopbackHttpConnection(socket);
        _all.Add(connection);
        return connection;
    }

    public void Dispose()
    {
        foreach (var connection in _all)
            connection.Dispose();
    }
}
