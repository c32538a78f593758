using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AsnBot.Bench.TelegramWebhook;

/// <summary>
/// The cheapest Bot API that still answers like Telegram: every method succeeds, sendMessage
/// returns a message and remembers its keyboard (the walk presses those buttons). It validates
/// nothing and logs nothing, so the figures measure the bot rather than its peer.
/// </summary>
internal sealed class StubBotApi : IAsyncDisposable, IBotApiPeer
{
    public string Token => "7100000001:AAStubTokenForTheWebhookBenchmark00";
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<long, List<(int MessageId, string Text, List<(string Label, string Data)> Buttons)>> _chats = new();
    private int _nextMessageId;

    private StubBotApi(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<StubBotApi> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Services.AddRoutingCore();
        var stub = new StubBotApi(builder.Build());
        stub._app.MapPost("/bot{token}/{method}", stub.HandleAsync);
        await stub._app.StartAsync();
        stub.BaseUrl = new Uri(stub._app.Urls.Single());
        return stub;
    }

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

    private async Task HandleAsync(string method, HttpContext http)
    {
        using var body = await JsonDocument.ParseAsync(http.Request.Body);
        http.Response.ContentType = "application/json";
        switch (method)
        {
            case "sendMessage":
                await WriteMessageAsync(http.Response, Sent(body.RootElement));
                break;
            case "editMessageReplyMarkup":
                await WriteMessageAsync(http.Response, (body.RootElement.GetProperty("chat_id").GetInt64(), body.RootElement.GetProperty("message_id").GetInt32(), "-"));
                break;
            default:
                await http.Response.Body.WriteAsync(True);
                break;
        }
    }

    private static readonly byte[] True = """{"ok":true,"result":true}"""u8.ToArray();

    /// <summary>Writes {"ok":true,"result":message} straight into the response, with no document in between.</summary>
    private static async Task WriteMessageAsync(HttpResponse response, (long ChatId, int MessageId, string Text) message)
    {
        await using (var json = new Utf8JsonWriter(response.BodyWriter))
        {
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
        await response.BodyWriter.FlushAsync();
    }

    private (long ChatId, int MessageId, string Text) Sent(JsonElement request)
    {
        var chatId = request.GetProperty("chat_id").GetInt64();
        var text = request.GetProperty("text").GetString() ?? string.Empty;
        var id = Interlocked.Increment(ref _nextMessageId);
        var buttons = new List<(string, string)>();
        if (request.TryGetProperty("reply_markup", out var markup) && markup.TryGetProperty("inline_keyboard", out var rows))
        {
            foreach (var row in rows.EnumerateArray())
            {
                foreach (var button in row.EnumerateArray())
                    buttons.Add((button.GetProperty("text").GetString()!, button.GetProperty("callback_data").GetString()!));
            }
        }
        var messages = _chats.GetOrAdd(chatId, _ => []);
        lock (messages)
            messages.Add((id, text, buttons));
        return (chatId, id, text);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
