namespace AsnBot.TestPeers.Telegram;

/// <summary>
/// Relative weights of the failures a probabilistic rule picks from, and the <c>retry_after</c>
/// its 429 answers carry. The default mixes the three equally.
/// </summary>
public sealed record RandomFaultMix(int TooManyRequests = 1, int ServerError = 1, int Timeout = 1, int RetryAfterSeconds = 1)
{
    public int TotalWeight => TooManyRequests + ServerError + Timeout;
}
