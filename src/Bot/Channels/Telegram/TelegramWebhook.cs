using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace AsnBot.Channels.Telegram;

/// <summary>
/// Webhook mode: Telegram POSTs each update to <c>/api/telegram/update</c> with the secret we
/// gave setWebhook. A wrong or missing secret gets 401 and is not looked at; a valid update is
/// always acknowledged with 200, even when handling it failed (the person got an apology),
/// because any other status makes Telegram deliver it again and again.
/// </summary>
public static partial class TelegramWebhook
{
    public const string Path = "/api/telegram/update";
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";
    private const int MaxBodyBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapTelegram(this IEndpointRouteBuilder app)
    {
        // Short-circuited at routing: Telegram's calls never pass the dashboard's sign-in,
        // antiforgery and password-change pipeline, which has nothing to say about them yet
        // cost every call CPU (measured by the telegram-webhook bench). The secret is checked below; the
        // security headers and the body ceiling run before routing (see BotHost).
        app.MapPost(Path, ReceiveAsync).ShortCircuit();
        return app;
    }

    private static async Task<IResult> ReceiveAsync(
        HttpContext http, TelegramBot bot, TelegramUpdates updates, IHostApplicationLifetime lifetime, ILoggerFactory loggers)
    {
        if (!bot.IsEnabled || bot.Options.Mode != TelegramMode.Webhook)
            return Results.NotFound();
        if (!SecretMatches(http.Request.Headers[SecretHeader].ToString(), bot.WebhookSecretHash))
            return Results.Unauthorized();
        if (http.Request.ContentLength > MaxBodyBytes)
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxBodyBytes;

        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(http.Request.Body, JsonBotAPI.Options, http.RequestAborted);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }
        catch (BadHttpRequestException e)
        {
            return Results.StatusCode(e.StatusCode);
        }
        if (update is null)
            return Results.BadRequest();

        // Handled to the end even if Telegram hangs up: the turn is committed by then, and its
        // replies must still go out, since the redelivery will be recognised and dropped.
        PressAcknowledgement? acknowledgement;
        try
        {
            acknowledgement = await updates.HandleForWebhookAsync(update, lifetime.ApplicationStopping);
        }
        catch (Exception e)
        {
            LogFailed(loggers.CreateLogger(typeof(TelegramWebhook)), e, update.Id);
            acknowledgement = update.CallbackQuery is { } press ? new PressAcknowledgement(press.Id, null) : null;
        }
        if (acknowledgement is null)
            return Results.Ok();
        await WriteAcknowledgementAsync(http.Response, acknowledgement);
        return Results.Empty;
    }

    /// <summary>
    /// A press is acknowledged in the response itself: Telegram runs one Bot API method given in a
    /// webhook's response body, which spares the bot a request of its own for every press. Such a
    /// call returns no result and no error, so only this one goes that way: an acknowledgement
    /// that is lost only leaves the button's spinner running until Telegram stops it a few
    /// seconds later, and changes nothing else (the sender treats a failed one the same way).
    /// Replies and keyboard edits stay calls of their own, whose errors (429, 403) are handled.
    /// </summary>
    private static async Task WriteAcknowledgementAsync(HttpResponse response, PressAcknowledgement acknowledgement)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        await using (var json = new Utf8JsonWriter(response.BodyWriter))
        {
            json.WriteStartObject();
            json.WriteString("method"u8, "answerCallbackQuery"u8);
            json.WriteString("callback_query_id"u8, acknowledgement.CallbackQueryId);
            if (acknowledgement.Text is { } text)
                json.WriteString("text"u8, text);
            json.WriteEndObject();
        }
        await response.BodyWriter.FlushAsync();
    }

    /// <summary>
    /// Compares hashes so that neither the content nor the length of the secret leaks through
    /// timing. The expected one is hashed once (<see cref="TelegramBot.WebhookSecretHash"/>).
    /// </summary>
    internal static bool SecretMatches(string given, byte[] expectedHash) =>
        given.Length > 0 && CryptographicOperations.FixedTimeEquals(SecretHash(given), expectedHash);

    internal static byte[] SecretHash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram update {UpdateId} from the webhook failed; acknowledged anyway")]
    private static partial void LogFailed(ILogger logger, Exception exception, int updateId);
}

/// <summary>In webhook mode, tells Telegram where to deliver (with the secret and the update kinds we handle), retrying until it accepts.</summary>
public sealed partial class TelegramWebhookRegistration(TelegramBot bot, TimeProvider time, ILogger<TelegramWebhookRegistration> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!bot.IsEnabled || bot.Options.Mode != TelegramMode.Webhook)
            return;
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await bot.Client.SetWebhook(
                    bot.Options.WebhookUrl,
                    allowedUpdates: TelegramPolling.AllowedUpdates,
                    secretToken: bot.Options.WebhookSecret,
                    cancellationToken: stoppingToken).ConfigureAwait(false);
                LogRegistered(logger);
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                var wait = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, attempt - 1)));
                LogRegistrationFailed(logger, e, wait.TotalSeconds);
                await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram webhook registered")]
    private static partial void LogRegistered(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Registering the Telegram webhook failed; trying again in {Seconds} s")]
    private static partial void LogRegistrationFailed(ILogger logger, Exception exception, double seconds);
}
