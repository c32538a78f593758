using AsnBot.Conversations;
using AsnBot.Conversations.Engine;

namespace AsnBot.Delivery;

/// <summary>The explicit outcome of one send: what the dispatcher does next depends on it.</summary>
public enum SendStatus
{
    /// <summary>The platform accepted the message.</summary>
    Sent,

    /// <summary>The platform asked us to slow down; retry after <see cref="SendResult.RetryAfter"/>.</summary>
    Throttled,

    /// <summary>The person blocked the bot, left, or the address no longer exists: stop sending there.</summary>
    RecipientGone,

    /// <summary>Anything else (5xx, timeout, network): retry with jittered back-off up to a limit.</summary>
    Failed,
}

public sealed record SendResult(SendStatus Status, TimeSpan? RetryAfter = null, string? Error = null)
{
    public static readonly SendResult Sent = new(SendStatus.Sent);

    /// <summary>Of a text sent in parts (a channel's length limit), how many had gone out before this outcome: a retry starts after them.</summary>
    public int PartsSent { get; init; }
}

/// <summary>
/// Sends replies to one channel. Every channel implements it once; the inbound reply path
/// and the outbox dispatcher both use it, so rendering and error handling live in one place
/// per channel.
/// </summary>
public interface IChannelSender
{
    /// <summary>The channel name used in <see cref="ChannelUser.Channel"/> ("web", "telegram", "teams").</summary>
    string Channel { get; }

    /// <summary>
    /// Sends <paramref name="reply"/>. A channel that sends a long text in parts starts at part
    /// <paramref name="fromPart"/>: a retry passes the failed attempt's <see cref="SendResult.PartsSent"/>,
    /// so no part arrives twice. A channel that never splits a text is always given 0.
    /// </summary>
    Task<SendResult> SendAsync(ChannelUser to, Reply reply, int fromPart, CancellationToken cancellationToken);
}
