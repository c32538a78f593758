using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AsnBot.TestPeers.Telegram;

/// <summary>
/// The HTTP face of the fake: <c>/bot{token}/{method}</c> as Telegram.Bot builds it (GET or POST), the file download
/// path <c>/file/bot{token}/{path}</c>, and Telegram's 404 envelope for everything else. Every call is run through
/// the fault rules and recorded in the call log.
/// </summary>
internal sealed class BotApiEndpoint(TelegramState state, CancellationToken serverStopping)
{
    private readonly IReadOnlyDictionary<string, BotApiMethod> _methods = BotApiMethods.Create(state);

    public void Map(IEndpointRouteBuilder routes)
    {
        // Plain segments with the "bot" prefix checked in code: a complex route segment such as "bot{token}"
        // does not match tokens containing ':', which every Telegram token does.
        routes.MapMethods("/{botToken}/{method}", ["GET", "POST"], HandleCallAsync);
        routes.MapGet("/file/{botToken}/{**filePath}", DownloadFileAsync);
        routes.MapFallback(context => WriteAsync(context.Response, BotApiErrors.NotFound(), context.RequestAborted));
    }

    private async Task HandleCallAsync(HttpContext context, string botToken, string method)
    {
        if (!botToken.StartsWith("bot", StringComparison.Ordinal))
        {
            await WriteAsync(context.Response, BotApiErrors.NotFound(), context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var receivedAt = DateTime.UtcNow;
        var timer = Stopwatch.StartNew();
        var sequence = state.Calls.NextSequence();
        var name = _methods.TryGetValue(method, out var known) ? known.Name : method;
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, serverStopping);
        var parameters = RequestParameters.Empty;
        var status = CallRecord.NoResponse;
        try
        {
            BotApiResult? answer;
            try
            {
                parameters = await RequestParametersReader.ReadAsync(context.Request, cancellation.Token).ConfigureAwait(false);
                answer = await AnswerAsync(botToken["bot".Length..], known, parameters, cancellation.Token).ConfigureAwait(false);
            }
            catch (BotApiRejection rejection)
            {
                answer = rejection.Result;
            }

            if (answer is null)
            {
                // A hang fault ran its course: drop the connection without any answer, like a dead proxy.
                context.Abort();
            }
            else
            {
                await WriteAsync(context.Response, answer, cancellation.Token).ConfigureAwait(false);
                status = answer.StatusCode;
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The client gave up or the server is stopping: there is nobody left to answer.
        }
        finally
        {
            state.Calls.Add(new CallRecord(
                sequence, name, parameters.Values, status, receivedAt, timer.Elapsed, context.Request.ContentType));
        }
    }

    /// <summary>
    /// Runs the Bot API method a webhook's 2xx response names in its JSON body (<c>"method"</c> beside the
    /// parameters), as Telegram does: its result goes nowhere, and it is recorded like any other call, marked
    /// <see cref="CallRecord.FromWebhookResponse"/>. A body that names no method is ignored, as Telegram ignores it.
    /// </summary>
    public async Task RunFromWebhookResponseAsync(string body, string? contentType, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                values[property.Name] = property.Value.Clone();
            }
        }
        catch (JsonException)
        {
            return;
        }

        if (!values.TryGetValue("method", out var requested) || requested.ValueKind != JsonValueKind.String)
        {
            return;
        }

        var receivedAt = DateTime.UtcNow;
        var timer = Stopwatch.StartNew();
        var sequence = state.Calls.NextSequence();
        var method = requested.GetString()!;
        var name = _methods.TryGetValue(method, out var known) ? known.Name : method;
        var parameters = new RequestParameters(values);
        BotApiResult? answer;
        try
        {
            answer = await AnswerAsync(state.Token, known, parameters, cancellationToken).ConfigureAwait(false);
        }
        catch (BotApiRejection rejection)
        {
            answer = rejection.Result;
        }

        state.Calls.Add(new CallRecord(
            sequence, name, values, answer?.StatusCode ?? CallRecord.NoResponse, receivedAt, timer.Elapsed, contentType, FromWebhookResponse: true));
    }

    /// <summary>The answer to a call, or null when a hang fault means no answer at all.</summary>
    private async Task<BotApiResult?> AnswerAsync(
        string token, BotApiMethod? method, RequestParameters parameters, CancellationToken cancellationToken)
    {
        if (!string.Equals(token, state.Token, StringComparison.Ordinal))
        {
            return BotApiErrors.Unauthorized();
        }

        if (method is null)
        {
            return BotApiErrors.MethodNotFound();
        }

        var faults = state.Faults.Decide(method.Name, parameters.PeekInt64("chat_id"));
        if (faults.Delay > TimeSpan.Zero)
        {
            await Task.Delay(faults.Delay, cancellationToken).ConfigureAwait(false);
        }

        switch (faults.Failure)
        {
            case FaultAction.Fail fail:
                return fail.Answer;
            case FaultAction.Hang:
                await Task.Delay(state.Options.HangDuration, cancellationToken).ConfigureAwait(false);
                return null;
            default:
                return await method.Handler(parameters, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DownloadFileAsync(HttpContext context, string botToken, string filePath)
    {
        var file = string.Equals(botToken, $"bot{state.Token}", StringComparison.Ordinal) ? state.Files.FindByPath(filePath) : null;
        if (file is null)
        {
            await WriteAsync(context.Response, BotApiErrors.NotFound(), context.RequestAborted).ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = "application/octet-stream";
        await context.Response.Body.WriteAsync(file.Content, context.RequestAborted).ConfigureAwait(false);
    }

    private static Task WriteAsync(HttpResponse response, BotApiResult answer, CancellationToken cancellationToken)
    {
        response.StatusCode = answer.StatusCode;
        return response.WriteAsJsonAsync(answer.Body, ApiJson.Options, cancellationToken);
    }
}
