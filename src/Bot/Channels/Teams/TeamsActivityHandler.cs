using System.Text.RegularExpressions;
using AsnBot.Conversations;
using AsnBot.Conversations.Engine;
using AsnBot.Delivery;

namespace AsnBot.Channels.Teams;

/// <summary>
/// Turns one authenticated activity into a turn of the shared conversation engine and sends
/// what it produced back through the connector. Duplicate activity ids are dropped by the
/// engine's inbound receipt, written in the turn's own transaction.
/// </summary>
public sealed partial class TeamsActivityHandler(
    ConversationService conversations,
    TeamsSender sender,
    TeamsAccounts accounts,
    TimeProvider time,
    ILogger<TeamsActivityHandler> logger)
{
    private const int MaxSendAttempts = 3;
    private static readonly TimeSpan MaxReplyWait = TimeSpan.FromSeconds(10);

    [GeneratedRegex("<at>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Mention();

    public async Task HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (TeamsConversationReference.From(activity) is not { } reference)
            return;
        switch (activity.Type)
        {
            case ActivityTypes.Message:
                var choice = TeamsMessageRendering.ChoiceOf(activity.Value);
                var text = activity.Text is { } typed ? Mention().Replace(typed, "").Trim() : null;
                await TurnAsync(reference, activity, new IncomingMessage(User(reference), text, choice, activity.Id), cancellationToken);
                break;
            case ActivityTypes.ConversationUpdate when IsBot(activity, activity.MembersAdded):
                // The bot was added (installed in personal scope): greet with what /start shows,
                // the registration for a newcomer, the menu for someone registered.
                await TurnAsync(reference, activity, new IncomingMessage(User(reference), "/start", null, activity.Id), cancellationToken);
                break;
            case ActivityTypes.ConversationUpdate when IsBot(activity, activity.MembersRemoved):
            case ActivityTypes.InstallationUpdate when activity.Action?.StartsWith("remove", StringComparison.OrdinalIgnoreCase) == true:
                await accounts.MarkUnreachableAsync(reference.ConversationId, cancellationToken);
                LogRemoved(logger);
                break;
            case ActivityTypes.InstallationUpdate when activity.Action?.StartsWith("add", StringComparison.OrdinalIgnoreCase) == true:
                await accounts.RememberAsync(reference, cancellationToken);
                break;
        }
    }

    private async Task TurnAsync(TeamsConversationReference reference, Activity activity, IncomingMessage message, CancellationToken cancellationToken)
    {
        var result = await conversations.HandleAsync(message, cancellationToken);
        if (result.WasDuplicate)
        {
            LogDuplicate(logger);
            return;
        }
        // After the turn, so that the account a registration just created gets the reference too.
        await accounts.RememberAsync(reference, cancellationToken);
        foreach (var reply in result.Replies)
        {
            if (!await SendWithRetriesAsync(reference, reply, activity.Id, cancellationToken))
                return;
        }
    }

    /// <summary>
    /// The person is waiting for this answer, so a throttled or failed send is retried here
    /// (briefly; a long Retry-After is not waited out); false stops the remaining replies.
    /// </summary>
    private async Task<bool> SendWithRetriesAsync(TeamsConversationReference reference, Reply reply, string? replyToId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await sender.SendAsync(reference, reply, replyToId, cancellationToken);
            switch (result.Status)
            {
                case SendStatus.Sent:
                    return true;
                case SendStatus.RecipientGone:
                    LogRecipientGone(logger);
                    return false;
                case var _ when attempt >= MaxSendAttempts || result.RetryAfter > MaxReplyWait:
                    LogReplyDropped(logger, result.Status, attempt);
                    return false;
                default:
                    var wait = result.RetryAfter ?? TimeSpan.FromMilliseconds(250 * attempt);
                    await Task.Delay(wait, time, cancellationToken);
                    break;
            }
        }
    }

    private static ChannelUser User(TeamsConversationReference reference) => new(TeamsAccounts.Channel, reference.ConversationId);

    private static bool IsBot(Activity activity, IReadOnlyList<ChannelAccountRef>? members) =>
        members is not null && activity.Recipient?.Id is { } bot && members.Any(m => m.Id == bot);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Teams activity already handled; ignored")]
    private static partial void LogDuplicate(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Teams app removed from a conversation; marked unreachable")]
    private static partial void LogRemoved(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Teams conversation no longer accepts messages; marked unreachable")]
    private static partial void LogRecipientGone(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams reply dropped after {Attempts} attempts ({Status})")]
    private static partial void LogReplyDropped(ILogger logger, SendStatus status, int attempts);
}
