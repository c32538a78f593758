using AsnBot.Conversations;
using AsnBot.Conversations.Engine;
using AsnBot.Delivery;

namespace AsnBot.Channels.Teams;

/// <summary>
/// Sends to a person on Teams through the Connector API: proactively from the saved
/// conversation reference, or as a reply to the activity being answered. A blocked bot or a
/// vanished conversation (403/404) marks the account unreachable before it is reported.
/// </summary>
public sealed class TeamsSender(TeamsConnector connector, TeamsAccounts accounts) : IChannelSender
{
    public string Channel => TeamsAccounts.Channel;

    /// <summary>A text of any length goes in one activity, so <paramref name="fromPart"/> is always 0.</summary>
    public async Task<SendResult> SendAsync(ChannelUser to, Reply reply, int fromPart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(to);
        var reference = await accounts.FindReferenceAsync(to.Address, cancellationToken);
        if (reference is null)
            return new SendResult(SendStatus.RecipientGone, Error: "no conversation reference saved for this address");
        return await SendAsync(reference, reply, replyToId: null, cancellationToken);
    }

    public async Task<SendResult> SendAsync(TeamsConversationReference to, Reply reply, string? replyToId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(reply);
        var result = await connector.PostAsync(to, TeamsMessageRendering.ToActivity(reply, replyToId), replyToId, cancellationToken);
        if (result.Status == SendStatus.RecipientGone)
            await accounts.MarkUnreachableAsync(to.ConversationId, cancellationToken);
        return result;
    }
}
