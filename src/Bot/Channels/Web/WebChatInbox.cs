using System.Text.Json;
using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Channels.Web;

public sealed record WebChatInboxReply(long Id, string Text, IReadOnlyList<WebChatChoice> Choices);

public sealed record WebChatInboxResponse(IReadOnlyList<WebChatInboxReply> Replies);

/// <summary>What the page polls: messages the bot wrote first, after the last id it has seen.</summary>
public static class WebChatInbox
{
    private const int MaxPerPoll = 50;

    public static IEndpointRouteBuilder MapWebChatInbox(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/webchat/{sessionId}/messages", GetAsync);
        return app;
    }

    private static async Task<IResult> GetAsync(string sessionId, long? after, AsnBotDbContext db, CancellationToken cancellationToken)
    {
        if (!WebChatEndpoints.IsSessionId(sessionId))
            return Results.Problem("Session id must be 8-64 letters, digits, '-' or '_'.", statusCode: StatusCodes.Status400BadRequest);
        var from = after ?? 0;
        var messages = await db.Set<InboxMessage>().AsNoTracking()
            .Where(m => m.Channel == WebChatEndpoints.Channel && m.Address == sessionId && m.Id > from)
            .OrderBy(m => m.Id).Take(MaxPerPoll)
            .ToListAsync(cancellationToken);
        return Results.Ok(new WebChatInboxResponse([.. messages.Select(Render)]));
    }

    private static WebChatInboxReply Render(InboxMessage message) => new(
        message.Id,
        message.Text,
        [.. (JsonSerializer.Deserialize<List<OutboxButton>>(message.ChoicesJson, JsonSerializerOptions.Web) ?? []).Select(b => new WebChatChoice(b.Label, b.Value))]);
}
