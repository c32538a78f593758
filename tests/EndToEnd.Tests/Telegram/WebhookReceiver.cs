using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AsnBot.EndToEnd.Tests.Telegram;

/// <summary>A minimal loopback webhook endpoint standing in for the bot's, recording what Telegram POSTs.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<ReceivedWebhook> _received = Channel.CreateUnbounded<ReceivedWebhook>();
    private readonly Queue<int> _plannedStatuses = new();
    private readonly Lock _gate = new();

    private WebhookReceiver()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Services.AddRoutingCore();
        _app = builder.Build();
        _app.MapPost("/telegram/webhook", ReceiveAsync);
    }

    public Uri Url { get; private set; } = null!;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        await receiver._app.StartAsync();
        receiver.Url = new Uri(new Uri(receiver._app.Urls.Single()), "telegram/webhook");
        return receiver;
    }

    /// <summary>The next requests are answered with these statuses, in order; after that every request gets 200.</summary>
    public void AnswerNextWith(params int[] statuses)
    {
        lock (_gate)
        {
            foreach (var status in statuses)
            {
                _plannedStatuses.Enqueue(status);
            }
        }
    }

    public async Task<ReceivedWebhook> NextAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        return await _received.Reader.ReadAsync(deadline.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        int status;
        lock (_gate)
        {
            status = _plannedStatuses.TryDequeue(out var planned) ? planned : 200;
        }

        var secret = context.Request.Headers["X-Telegram-Bot-Api-Secret-Token"].ToString();
        await _received.Writer.WriteAsync(new ReceivedWebhook(secret, body, status), context.RequestAborted);
        context.Response.StatusCode = status;
    }
}

/// <summary>One POST the receiver got, and the status it answered.</summary>
internal sealed record ReceivedWebhook(string SecretToken, string Body, int AnsweredStatus);
