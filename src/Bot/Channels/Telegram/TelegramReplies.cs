using AsnBot.Conversations;
using AsnBot.Conversations.Engine;
using AsnBot.Delivery;

namespace AsnBot.Channels.Telegram;

/// <summary>
/// Sends a turn's replies in order, as few messages as read well (<see cref="Messages"/>), the
/// way a person expects an answer: waits out a 429's retry_after and sends then, retries other
/// failures a few times with jittered back-off, and stops at once when the chat is gone.
/// </summary>
public sealed partial class TelegramReplies(TelegramSender sender, TimeProvider time, ILogger<TelegramReplies> logger)
{
    private const int MaxThrottles = 5;
    private const int MaxFailures = 3;
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(250);

    public async Task DeliverAsync(ChannelUser to, IReadOnlyList<Reply> replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replies);
        foreach (var (text, prompt) in Messages(replies))
        {
            // A later reply without the earlier one would read out of context; stop at the first loss.
            if (!await DeliverOneAsync(to, text, prompt, cancellationToken).ConfigureAwait(false))
                return;
        }
    }

    /// <summary>
    /// A turn's replies as Telegram messages: a reply without choices goes out in one message
    /// with the replies after it, a blank line between, up to and including the next one with
    /// choices (the message's <c>Prompt</c>, whose keyboard goes under it), as long as they fit in
    /// one message. So a question comes in one bubble with what leads up to it, its buttons right
    /// under it, and a turn sends fewer messages into a chat, where Telegram allows about one a
    /// second before it answers 429.
    /// </summary>
    internal static IEnumerable<(string Text, Reply Prompt)> Messages(IReadOnlyList<Reply> replies)
    {
        string? text = null;
        foreach (var reply in replies)
        {
            if (text is null)
                text = reply.Text;
            else if (text.Length + 2 + reply.Text.Length <= TelegramText.MaxLength)
                text = Joined(text, reply.Text);
            else
            {
                yield return (text, new Reply(text));
                text = reply.Text;
            }
            if (reply.Choices.Count > 0)
            {
                yield return (text, reply);
                text = null;
            }
        }
        if (text is not null)
            yield return (text, new Reply(text));
    }

    /// <summary>Two texts a blank line apart (a dialog's text often ends in a line break of its own).</summary>
    private static string Joined(string first, string second) =>
        first.Length == 0 ? second : second.Length == 0 ? first : first.TrimEnd('\n') + "\n\n" + second.TrimStart('\n');

    private async Task<bool> DeliverOneAsync(ChannelUser to, string text, Reply prompt, CancellationToken cancellationToken)
    {
        var throttles = 0;
        var failures = 0;
        var partsSent = 0;
        while (true)
        {
            var result = await sender.SendAsync(to, text, prompt, partsSent, cancellationToken).ConfigureAwait(false);
            // A long text goes in parts: a retry goes on from the part that failed.
            partsSent = result.PartsSent;
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
