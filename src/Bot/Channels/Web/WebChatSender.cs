using System.Text.Json;
using AsnBot.Conversations;
using AsnBot.Conversations.Engine;
using AsnBot.Delivery;
using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Channels.Web;

/// <summary>
/// The web chat cannot be pushed to: a proactive message waits in the session's inbox until
/// the page fetches it (<c>GET /api/webchat/{sessionId}/messages?after=</c>).
/// </summary>
public sealed class WebChatSender(IServiceScopeFactory scopes, TimeProvider time) : IChannelSender
{
    public string Channel => WebChatEndpoints.Channel;

    /// <summary>A text of any length is one inbox message, so <paramref name="fromPart"/> is always 0.</summary>
    public async Task<SendResult> SendAsync(ChannelUser to, Reply reply, int fromPart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(reply);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AsnBotDbContext>();
        var personId = await db.Set<ChannelAccount>().Where(c => c.Channel == Channel && c.Address == to.Address)
            .Select(c => (Guid?)c.PersonId).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        db.Add(new InboxMessage
        {
            Channel = Channel,
            Address = to.Address,
            PersonId = personId,
            Text = reply.Text,
            ChoicesJson = JsonSerializer.Serialize(reply.Choices.Select(c => new OutboxButton(c.Label, c.Value)), JsonSerializerOptions.Web),
            CreatedAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return SendResult.Sent;
    }
}
