using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using AsnBot.Delivery;

namespace AsnBot.Channels.Teams;

/// <summary>
/// The Bot Framework Connector API: posts an activity into a conversation (as a reply to an
/// activity when there is one) and turns the answer into an explicit send outcome.
/// </summary>
public sealed partial class TeamsConnector(HttpClient http, TeamsAccessTokens tokens, TimeProvider time, ILogger<TeamsConnector> logger)
{
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    public async Task<SendResult> PostAsync(TeamsConversationReference to, JsonObject activity, string? replyToId, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(to.ServiceUrl.TrimEnd('/') + "/", UriKind.Absolute, out var serviceUrl))
            return new SendResult(SendStatus.RecipientGone, Error: "the conversation reference has no usable serviceUrl");

        var path = $"v3/conversations/{Uri.EscapeDataString(to.ConversationId)}/activities";
        if (replyToId is not null)
            path += "/" + Uri.EscapeDataString(replyToId);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(serviceUrl, path)) { Content = JsonContent.Create(activity) };

        try
        {
            if (await tokens.GetAsync(cancellationToken) is { } token)
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, cancellationToken);
            return Outcome(response);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogSendFailed(logger, e.GetType().Name);
            return new SendResult(SendStatus.Failed, Error: e.GetType().Name);
        }
    }

    private SendResult Outcome(HttpResponseMessage response)
    {
        var status = response.StatusCode;
        if (response.IsSuccessStatusCode)
            return SendResult.Sent;
        if (status == HttpStatusCode.TooManyRequests)
            return new SendResult(SendStatus.Throttled, RetryAfter(response) ?? DefaultRetryAfter, "429");
        if (status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
            return new SendResult(SendStatus.RecipientGone, Error: ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (status == HttpStatusCode.Unauthorized)
            tokens.Forget();
        LogRefused(logger, (int)status);
        return new SendResult(SendStatus.Failed, RetryAfter(response), ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > time.GetUtcNow() ? date - time.GetUtcNow() : TimeSpan.Zero,
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams connector answered {Status}")]
    private static partial void LogRefused(ILogger logger, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams connector could not be reached ({Error})")]
    private static partial void LogSendFailed(ILogger logger, string error);
}
