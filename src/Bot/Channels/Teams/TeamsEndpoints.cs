using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace AsnBot.Channels.Teams;

/// <summary>
/// <c>POST /api/messages</c>, where the Bot Framework delivers Teams activities: authenticate,
/// check the tenant, hand over to the inbox, acknowledge. Nothing is processed before the
/// token is proven good, and the platform never sees an exception.
/// </summary>
public static partial class TeamsEndpoints
{
    public const string Route = "/api/messages";
    public const int MaxBodyBytes = 256 * 1024;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder app)
    {
        app.MapPost(Route, ReceiveAsync);
        return app;
    }

    private static async Task<IResult> ReceiveAsync(
        HttpContext http,
        IOptions<TeamsOptions> options,
        TeamsChannelAuthenticator authenticator,
        TeamsInbox inbox,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.IsEnabled)
            return Results.NotFound();
        var logger = loggers.CreateLogger(typeof(TeamsEndpoints).FullName!);
        var authorization = http.Request.Headers.Authorization.FirstOrDefault();
        if (settings.HasCredentials && authorization is null)
            return Refused(logger, "no bearer token");

        if (http.Request.ContentLength > MaxBodyBytes)
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        Activity? activity;
        try
        {
            activity = await ReadAsync(http, cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        if (activity is null)
            return Results.BadRequest();

        if (settings.HasCredentials)
        {
            string? problem;
            try
            {
                problem = await authenticator.FindProblemAsync(authorization, activity, cancellationToken);
            }
            catch (InvalidOperationException e)
            {
                // The OpenID metadata could not be fetched: not the caller's fault, and worth a retry.
                LogMetadataUnavailable(logger, e);
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }
            if (problem is not null)
                return Refused(logger, problem);
        }
        else if (!IsLocalUnproxied(http))
        {
            return Refused(logger, "anonymous activity from outside loopback");
        }

        if (!settings.IsTenantAllowed(activity.TenantId))
        {
            LogTenantRefused(logger);
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }
        if (activity.Type is not (ActivityTypes.Message or ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate))
            return Results.Ok();
        return inbox.TryAccept(activity) ? Results.Accepted() : Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<Activity?> ReadAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxBodyBytes;
        try
        {
            return await JsonSerializer.DeserializeAsync<Activity>(http.Request.Body, Json, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (BadHttpRequestException e) when (e.StatusCode != StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
    }

    /// <summary>
    /// The local-testing mode trusts the sender's address, so a request relayed by a proxy on
    /// the same machine (which would look local) is not trusted.
    /// </summary>
    private static bool IsLocalUnproxied(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote)
        && !http.Request.Headers.ContainsKey("X-Forwarded-For") && !http.Request.Headers.ContainsKey("Forwarded");

    private static IResult Refused(ILogger logger, string reason)
    {
        LogRefused(logger, reason);
        return Results.Unauthorized();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams activity refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams activity refused: tenant not allowed")]
    private static partial void LogTenantRefused(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Teams OpenID metadata unavailable; activity not accepted")]
    private static partial void LogMetadataUnavailable(ILogger logger, Exception exception);
}
