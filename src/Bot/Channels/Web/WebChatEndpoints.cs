using System.Text.Json;
using System.Text.RegularExpressions;
using AsnBot.Conversations;
using AsnBot.Conversations.Engine;
using Microsoft.AspNetCore.Http.Features;

namespace AsnBot.Channels.Web;

public sealed record WebChatRequest(string? Text, string? Choice);

public sealed record WebChatChoice(string Label, string Value);

public sealed record WebChatReply(string Text, IReadOnlyList<WebChatChoice> Choices);

public sealed record WebChatResponse(IReadOnlyList<WebChatReply> Replies);

/// <summary>The web chat: JSON in, JSON out, and the small page at /chat that uses it.</summary>
public static partial class WebChatEndpoints
{
    public const string Channel = "web";
    public const int MaxBodyBytes = 16 * 1024;

    [GeneratedRegex("^[A-Za-z0-9_-]{8,64}$")]
    private static partial Regex SessionIdSyntax();

    public static IEndpointRouteBuilder MapWebChat(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/webchat/{sessionId}/messages", PostMessageAsync);
        app.MapWebChatInbox();
        app.MapChatPage();
        return app;
    }

    public static bool IsSessionId(string sessionId) => SessionIdSyntax().IsMatch(sessionId);

    private static async Task<IResult> PostMessageAsync(string sessionId, HttpContext http, ConversationService conversations, CancellationToken cancellationToken)
    {
        if (!SessionIdSyntax().IsMatch(sessionId))
            return Results.Problem("Session id must be 8-64 letters, digits, '-' or '_'.", statusCode: StatusCodes.Status400BadRequest);

        if (http.Request.ContentLength > MaxBodyBytes)
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxBodyBytes;

        WebChatRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<WebChatRequest>(http.Request.Body, JsonSerializerOptions.Web, cancellationToken);
        }
        catch (JsonException)
        {
            return Results.Problem("Body must be JSON: {\"text\": \"...\"} or {\"choice\": \"...\"}.", statusCode: StatusCodes.Status400BadRequest);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        if (request is null || (request.Text is null && request.Choice is null))
            return Results.Problem("Send {\"text\": \"...\"} or {\"choice\": \"...\"}.", statusCode: StatusCodes.Status400BadRequest);

        var message = new IncomingMessage(new ChannelUser(Channel, sessionId), request.Text, request.Choice);
        var result = await conversations.HandleAsync(message, cancellationToken);
        return Results.Ok(new WebChatResponse([.. result.Replies.Select(Render)]));
    }

    private static WebChatReply Render(Reply reply) =>
        new(reply.Text, [.. reply.Choices.Select(c => new WebChatChoice(c.Label, c.Value))]);
}
