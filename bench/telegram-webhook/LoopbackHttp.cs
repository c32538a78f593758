using System.Buffers;
using System.Buffers.Text;
using System.Net.Sockets;
using System.Text;

namespace AsnBot.Bench.TelegramWebhook;

/// <summary>One HTTP/1.1 message as read: its first line and its body, both valid until the connection reads the next.</summary>
internal readonly record struct LoopbackHttpMessage(ReadOnlyMemory<byte> StartLine, ReadOnlyMemory<byte> Body);

/// <summary>
/// Just enough HTTP/1.1 for the benchmark's own side of the wire, on a plain kept-alive socket:
/// one message at a time, its body sized by Content-Length or sent in chunks. The simulated users
/// and the stub Bot API share the machine's cores with the bot, so their side of each exchange is a
/// buffer and a few comparisons; the bot's side stays what it is in service, Kestrel and HttpClient.
/// </summary>
internal sealed class LoopbackHttpConnection(Socket socket) : IDisposable
{
    private static ReadOnlySpan<byte> LineEnd => "\r\n"u8;

    private byte[] _buffer = new byte[8192];
    private int _start;
    private int _end;
    private byte[] _chunked = new byte[4096];

    private readonly ArrayBufferWriter<byte> _outgoing = new(4096);

    /// <summary>
    /// Puts a message together for <see cref="SendAsync"/>: <paramref name="head"/> is its start line
    /// and headers up to and including "Content-Length: ", which is written here with the body.
    /// </summary>
    public void Write(ReadOnlySpan<byte> head, ReadOnlySpan<byte> body)
    {
        _outgoing.Write(head);
        Utf8Formatter.TryFormat(body.Length, _outgoing.GetSpan(11), out var written);
        _outgoing.Advance(written);
        _outgoing.Write("\r\n\r\n"u8);
        _outgoing.Write(body);
    }

    /// <summary>The next message, or null when the other side closed the connection between messages.</summary>
    public async ValueTask<LoopbackHttpMessage?> ReadAsync(CancellationToken cancellationToken)
    {
        if (_start == _end)
            _start = _end = 0;
        int headLength;
        while ((headLength = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n\r\n"u8)) < 0)
        {
            if (!await FillAsync(cancellationToken))
                return _end == _start ? null : throw new IOException("The connection closed inside a message's head.");
        }
        var (startLineLength, contentLength, chunked) = ParseHead(_buffer.AsSpan(_start, headLength));
        var bodyAt = headLength + 4;
        if (!chunked)
        {
            await EnsureAsync(bodyAt + contentLength, cancellationToken);
            var message = new LoopbackHttpMessage(_buffer.AsMemory(_start, startLineLength), _buffer.AsMemory(_start + bodyAt, contentLength));
            _start += bodyAt + contentLength;
            return message;
        }
        var bodyLength = 0;
        var at = bodyAt;
        while (true)
        {
            int sizeLength;
            while ((sizeLength = _buffer.AsSpan(_start + at, _end - _start - at).IndexOf(LineEnd)) < 0)
                await EnsureAsync(_end - _start + 1, cancellationToken);
            var size = Convert.ToInt32(Encoding.ASCII.GetString(_buffer, _start + at, sizeLength).Split(';')[0].Trim(), 16);
            at += sizeLength + 2;
            await EnsureAsync(at + size + 2, cancellationToken);
            if (size == 0)
            {
                at += 2;
                break;
            }
            if (bodyLength + size > _chunked.Length)
                Array.Resize(ref _chunked, Math.Max(_chunked.Length * 2, bodyLength + size));
            _buffer.AsSpan(_start + at, size).CopyTo(_chunked.AsSpan(bodyLength));
            bodyLength += size;
            at += size + 2;
        }
        var whole = new LoopbackHttpMessage(_buffer.AsMemory(_start, startLineLength), _chunked.AsMemory(0, bodyLength));
        _start += at;
        return whole;
    }

    /// <summary>Sends what <see cref="Write"/> put together, and empties it.</summary>
    public async ValueTask SendAsync(CancellationToken cancellationToken)
    {
        var bytes = _outgoing.WrittenMemory;
        while (!bytes.IsEmpty)
            bytes = bytes[await socket.SendAsync(bytes, SocketFlags.None, cancellationToken)..];
        _outgoing.ResetWrittenCount();
    }

    public void Dispose() => socket.Dispose();

    private static (int StartLineLength, int ContentLength, bool Chunked) ParseHead(ReadOnlySpan<byte> head)
    {
        var startLineLength = head.IndexOf(LineEnd) is var end and >= 0 ? end : head.Length;
        var contentLength = 0;
        var chunked = false;
        var rest = head[Math.Min(head.Length, startLineLength + 2)..];
        while (!rest.IsEmpty)
        {
            var lineLength = rest.IndexOf(LineEnd) is var next and >= 0 ? next : rest.Length;
            var line = rest[..lineLength];
            var colon = line.IndexOf((byte)':');
            if (colon > 0)
            {
                var name = line[..colon];
                var value = line[(colon + 1)..].Trim((byte)' ');
                if (Ascii.EqualsIgnoreCase(name, "content-length"u8) && Utf8Parser.TryParse(value, out int length, out _))
                    contentLength = length;
                else if (Ascii.EqualsIgnoreCase(name, "transfer-encoding"u8))
                    chunked = value.IndexOf("chunked"u8) >= 0;
            }
            rest = rest[Math.Min(rest.Length, lineLength + 2)..];
        }
        return (startLineLength, contentLength, chunked);
    }

    /// <summary>Reads until at least <paramref name="length"/> unread bytes are buffered.</summary>
    private async ValueTask EnsureAsync(int length, CancellationToken cancellationToken)
    {
        while (_end - _start < length)
        {
            if (!await FillAsync(cancellationToken))
                throw new IOException("The connection closed inside a message.");
        }
    }

    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_end == _buffer.Length)
        {
            if (_start > 0)
            {
                _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
                _end -= _start;
                _start = 0;
            }
            else
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }
        }
        var read = await socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, cancellationToken);
        _end += read;
        return read > 0;
    }
}
