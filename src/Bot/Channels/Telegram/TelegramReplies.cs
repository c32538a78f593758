using AsnBot.Conversations;
using AsnBot.Conversations.Engine;
using AsnBot.Delivery;

namespace AsnBot.Channels.Telegram;

/// <summary>
/// Sends a turn's replies in order, the way a person expects an answer: waits out a 429's
/// retry_after and sends then, retries other failures a few times with jittered back-off,
/// and stops at once when the chat is gone.
/// </summary>
public sealed partial class TelegramReplies(TelegramSender sender, TimeProvider time, ILogger<TelegramReplies> logger)
{
    private const int MaxThrottles = 5;
    private const int MaxFailures = 3;
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(250);

    public async Task DeliverAsync(ChannelUser to, IReadOnlyList<Reply> replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replies);
        foreach (var reply in replies)
        {
            // A later reply without the earlier one would read out of context; stop at the first loss.
            if (!await DeliverOneAsync(to, reply, cancellationToken).ConfigureAwait(false))
                return;
        }
    }

    private async Task<bool> DeliverOneAsync(ChannelUser to, Reply reply, CancellationToken cancellationToken)
    {
        var throttles = 0;
        var failures = 0;
        while (true)
        {
            var result = await sender.SendAsync(to, reply, cancellationToken).ConfigureAwait(false);
            switch (result.Status)
            {
                case SendStatus.Sent:
                    return true;
                case SendStatus.Throttled when ++throttles <= MaxThrottles:
                    await Task.Delay(result.RetryAfter ?? TimeSpan.FromSeconds(1), time, cancellationToken).ConfigureAwait(false);
                    break;
                case SendStatus.Failed when ++failures <= MaxFailures:
                    await Task.Delay(Backoff(failures), time, cancellationToken).ConfigureAwait(false);
                    break;
                case SendStatus.RecipientGone:
                    return false;
                default:
                    LogGaveUp(logger, result.Status, result.Error ?? string.Empty);
                    return false;
            }
        }
    }

    /// <summary>250 ms, 500 ms, 1 s... each scaled by a random 0.5-1.5 so many chats do not retry in step.</summary>
    private static TimeSpan Backoff(int failure) =>
        FirstBackoff * Math.Pow(2, failure - 1) * (0.5 + Random.Shared.NextDouble());

    [LoggerMessage(Level = LogLevel.Warning, Message = "A reply on Telegram was given up after retries ({Status}): {Error}")]
    private static partial void LogGaveUp(ILogger logger, SendStatus status, string error);
}
