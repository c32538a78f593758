using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AsnBot.TestPeers.OpenAi;

/// <summary>
/// What the fake model does with one chat-completion request: answer with a text, call a
/// tool (function) with JSON arguments, answer only after a delay, or fail with a status.
/// </summary>
public abstract record FakeTurn
{
    public sealed record Say(string Content) : FakeTurn;

    /// <summary>A tool call; <paramref name="Function"/> matches the end of an offered tool's name ("search_catalog" matches "asnbot-search_catalog").</summary>
    public sealed record CallTool(string Function, string ArgumentsJson) : FakeTurn;

    public sealed record Slow(TimeSpan Delay, string Content) : FakeTurn;

    public sealed record Fail(int Status) : FakeTurn;
}

/// <summary>
/// An OpenAI-compatible chat-completions server on loopback (<c>POST {BaseUrl}chat/completions</c>,
/// BaseUrl ending in <c>/v1/</c>) for the real OpenAI client and Semantic Kernel connector.
/// Each request takes the next scripted <see cref="FakeTurn"/>; with none left it says
/// <see cref="DefaultContent"/>. Every request body is kept for inspection.
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    public const string DefaultContent = "Jawaban dari model [1].";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeTurn> _script = new();
    private readonly ConcurrentQueue<JsonObject> _requests = new();
    private int _calls;

    private FakeOpenAiServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>The endpoint to configure, e.g. http://127.0.0.1:5123/v1/.</summary>
    public Uri BaseUrl { get; }

    public static async Task<FakeOpenAiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        FakeOpenAiServer? server = null;
        app.MapPost("/v1/chat/completions", (HttpContext context) => server!.CompleteAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new FakeOpenAiServer(app, new Uri(address.TrimEnd('/') + "/v1/"));
        return server;
    }

    public void Enqueue(params FakeTurn[] turns)
    {
        foreach (var turn in turns)
            _script.Enqueue(turn);
    }

    /// <summary>The request bodies received, in order.</summary>
    public IReadOnlyList<JsonObject> Requests => [.. _requests];

    /// <summary>Every request body as text, for checking that something was never sent.</summary>
    public string AllRequestText => string.Join("\n", _requests.Select(r => r.ToJsonString()));

    private async Task CompleteAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject
            ?? throw new InvalidOperationException("Expected a JSON object.");
        _requests.Enqueue(body);
        var number = Interlocked.Increment(ref _calls);
        var turn = _script.TryDequeue(out var next) ? next : new FakeTurn.Say(DefaultContent);
        switch (turn)
        {
            case FakeTurn.Fail fail:
                context.Response.StatusCode = fail.Status;
                await context.Response.WriteAsJsonAsync(new { error = new { message = "fake failure", type = "server_error" } });
                return;
            case FakeTurn.Slow slow:
                // Bounded: the client's own timeout cancels the request long before.
                await Task.Delay(slow.Delay, context.RequestAborted);
                await WriteAsync(context, number, Message(slow.Content), "stop");
                return;
            case FakeTurn.CallTool call:
                var name = OfferedTools(body).FirstOrDefault(t => t.EndsWith(call.Function, StringComparison.Ordinal))
                    ?? throw new InvalidOperationException($"No offered tool ends with {call.Function}; offered: {string.Join(", ", OfferedTools(body))}");
                var message = new JsonObject
                {
                    ["role"] = "assistant",
                    ["content"] = null,
                    ["tool_calls"] = new JsonArray(new JsonObject
                    {
                        ["id"] = $"call_{number}",
                        ["type"] = "function",
                        ["function"] = new JsonObject { ["name"] = name, ["arguments"] = call.ArgumentsJson },
                    }),
                };
                await WriteAsync(context, number, message, "tool_calls");
                return;
            case FakeTurn.Say say:
                await WriteAsync(context, number, Message(say.Content), "stop");
                return;
        }
    }

    public static IEnumerable<string> OfferedTools(JsonObject request) =>
        request["tools"] is JsonArray tools
            ? tools.Select(t => t?["function"]?["name"]?.GetValue<string>()).OfType<string>()
            : [];

    /// <summary>The contents of the messages of one role in a request ("system", "user", "tool").</summary>
    public static IEnumerable<string> Contents(JsonObject request, string role) =>
        request["messages"] is JsonArray messages
            ? messages.Where(m => m?["role"]?.GetValue<string>() == role).Select(m => m?["content"] switch
            {
                JsonValue value => value.GetValue<string>(),
                JsonArray parts => string.Concat(parts.Select(p => p?["text"]?.GetValue<string>())),
                _ => "",
            })
            : [];

    private static JsonObject Message(string content) => new() { ["role"] = "assistant", ["content"] = content };

    private static Task WriteAsync(HttpContext context, int number, JsonObject message, string finishReason)
    {
        var response = new JsonObject
        {
            ["id"] = $"chatcmpl-{number}",
            ["object"] = "chat.completion",
            ["created"] = 1_764_547_200,
            ["model"] = "fake-model",
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = finishReason }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 5, ["total_tokens"] = 15 },
        };
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(response.ToJsonString(), context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
