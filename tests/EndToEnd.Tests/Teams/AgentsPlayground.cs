using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace AsnBot.EndToEnd.Tests.Teams;

/// <summary>
/// The Microsoft 365 Agents Playground (npm <c>@microsoft/m365agentsplayground</c>, installed by
/// test.sh under tests/EndToEnd.Tests/playground) as a child process on loopback: it plays Teams
/// and the Bot Framework connector for a bot. The test types through its conversation API and
/// reads what the bot posted from its WebSocket stream, as its own web client does.
/// </summary>
public sealed class AgentsPlayground : IAsyncDisposable
{
    /// <summary>The playground's built-in signed-in user ("Alex Wilber").</summary>
    public const string UserId = "user-id-0";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private ClientWebSocket _socket = new();
    private readonly Channel<PlaygroundMessage> _botMessages = Channel.CreateUnbounded<PlaygroundMessage>();
    private readonly HttpClient _http;
    private readonly string _workFolder;
    private Task _reading = Task.CompletedTask;

    private AgentsPlayground(Process process, int port, string conversationId, string workFolder)
    {
        _process = process;
        Port = port;
        ConversationId = conversationId;
        _workFolder = workFolder;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
    }

    public int Port { get; }
    public string ConversationId { get; }
    public string Output { get { lock (_output) return _output.ToString(); } }

    public static string InstallFolder => Path.Combine(RepoRoot(), "tests", "EndToEnd.Tests", "playground");

    public static string Executable => Path.Combine(InstallFolder, "node_modules", ".bin", "agentsplayground");

    public static async Task<AgentsPlayground> StartAsync(Uri botEndpoint, TimeSpan patience)
    {
        if (!File.Exists(Executable))
            throw new InvalidOperationException(
                $"The Microsoft 365 Agents Playground is not installed at {Executable}. test.sh installs it with 'npm ci' in {InstallFolder}; that needs Node.js and npm on the PATH.");

        var port = FreeLoopbackPort();
        var conversationId = "asnbot-e2e-" + Guid.NewGuid().ToString("N")[..12];
        var workFolder = Directory.CreateTempSubdirectory("asnbot-playground-").FullName;
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = workFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "start", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--disable-telemetry", "-c", "msteams",
            "--conversation-id", conversationId, "--service-url", $"http://127.0.0.1:{port}/_connector",
        })
            start.ArgumentList.Add(argument);
        start.Environment["BOT_ENDPOINT"] = botEndpoint.AbsoluteUri;
        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        start.Environment["M365_AGENTS_PLAYGROUND_LOGFILE"] = Path.Combine(workFolder, "playground.log");

        var process = Process.Start(start) ?? throw new InvalidOperationException("The Agents Playground did not start.");
        var playground = new AgentsPlayground(process, port, conversationId, workFolder);
        process.OutputDataReceived += (_, e) => playground.Record(e.Data);
        process.ErrorDataReceived += (_, e) => playground.Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await playground.ConnectAsync(patience);
        }
        catch
        {
            await playground.DisposeAsync();
            throw;
        }
        return playground;
    }

    /// <summary>The user types a message in the personal chat.</summary>
    public async Task SayAsync(string text)
    {
        using var response = await _http.PostAsJsonAsync($"_conversation/v1/conversations/{ConversationId}/messages",
            new { from = new { id = UserId }, text, textFormat = "plain" });
        await EnsureSuccessAsync(response);
    }

    /// <summary>The user presses an Adaptive Card Action.Submit button of a bot message.</summary>
    public async Task PressAsync(PlaygroundMessage card, string choice)
    {
        var data = card.SubmitData.FirstOrDefault(d => d.TryGetProperty("choice", out var value) && value.GetString() == choice);
        if (data.ValueKind != JsonValueKind.Object)
            throw new InvalidOperationException($"The card has no button for '{choice}': {card.Text}");
        using var response = await _http.PostAsJsonAsync("_conversation/v1/submit",
            new { conversation = new { id = ConversationId }, from = new { id = UserId }, replyToId = card.MessageId, value = data });
        await EnsureSuccessAsync(response);
    }

    /// <summary>Waits for the next message the bot posted into the chat.</summary>
    public async Task<PlaygroundMessage> NextBotMessageAsync(TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            return await _botMessages.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The bot posted nothing within {patience.TotalSeconds:0} s. Playground output:\n{Output}");
        }
    }

    /// <summary>Reads bot messages until one satisfies <paramref name="condition"/>, and returns it.</summary>
    public async Task<PlaygroundMessage> WaitForBotMessageAsync(Func<PlaygroundMessage, bool> condition, TimeSpan patience)
    {
        var seen = new List<string>();
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
                throw new TimeoutException($"No bot message matched. Seen: {string.Join(" | ", seen)}");
            PlaygroundMessage message;
            try
            {
                message = await NextBotMessageAsync(left);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"No bot message matched. Seen: {string.Join(" | ", seen)}\nPlayground output:\n{Output}");
            }
            if (condition(message))
                return message;
            seen.Add(message.Text);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Abort();
        _socket.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        _http.Dispose();
        await _reading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Directory.Delete(_workFolder, recursive: true);
    }

    private async Task ConnectAsync(TimeSpan patience)
    {
        // The playground is ready once its conversation stream accepts a WebSocket.
        var deadline = DateTime.UtcNow + patience;
        var stream = new Uri($"ws://127.0.0.1:{Port}/_ws_conversation/v1/conversations/stream");
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The Agents Playground exited with {_process.ExitCode}:\n{Output}");
            using var attempt = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            // A ClientWebSocket that failed to connect cannot be used again.
            _socket.Dispose();
            _socket = new ClientWebSocket();
            try
            {
                await _socket.ConnectAsync(stream, attempt.Token);
                break;
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException && DateTime.UtcNow < deadline)
            {
                await _process.WaitForExitAsync(attempt.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
        _reading = Task.Run(ReadAsync);
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        using var frame = new MemoryStream();
        while (_socket.State == WebSocketState.Open)
        {
            var received = await _socket.ReceiveAsync(buffer, CancellationToken.None);
            if (received.MessageType == WebSocketMessageType.Close)
                break;
            frame.Write(buffer, 0, received.Count);
            if (!received.EndOfMessage)
                continue;
            Record("WS " + Encoding.UTF8.GetString(frame.ToArray()));
            var action = JsonSerializer.Deserialize<PlaygroundAction>(frame.ToArray(), Json);
            frame.SetLength(0);
            if (action is { Action: "createMessage", Message: { } message } && message.From?.Id != UserId)
                await _botMessages.Writer.WriteAsync(message);
        }
    }

    private async Task EnsureSuccessAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"The playground answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}\n{Output}");
    }

    private void Record(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AsnBot.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("AsnBot.sln not found above " + AppContext.BaseDirectory);
    }

    private sealed record PlaygroundAction(string? Action, PlaygroundMessage? Message);
}

/// <summary>A message as the playground's web client receives it over the WebSocket.</summary>
public sealed record PlaygroundMessage(string MessageId, PlaygroundAccount? From, string? Text, IReadOnlyList<PlaygroundAttachment>? Attachments)
{
    public string Text { get; init; } = Text ?? "";

    /// <summary>The data of every Action.Submit button in the message's Adaptive Cards.</summary>
    public IReadOnlyList<JsonElement> SubmitData =>
        [.. (Attachments ?? []).Where(a => a.ContentType == "application/vnd.microsoft.card.adaptive").SelectMany(a => Submits(a.Content))];

    public IReadOnlyList<string> Choices => [.. SubmitData.Select(d => d.GetProperty("choice").GetString()!)];

    private static IEnumerable<JsonElement> Submits(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object when element.TryGetProperty("type", out var type) && type.GetString() == "Action.Submit" && element.TryGetProperty("data", out var data) => [data],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Submits(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Submits),
        _ => [],
    };
}

public sealed record PlaygroundAccount(string? Id);

public sealed record PlaygroundAttachment(string? ContentType, JsonElement Content);
