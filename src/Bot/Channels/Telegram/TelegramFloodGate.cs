namespace AsnBot.Channels.Telegram;

/// <summary>
/// Telegram's 429 is treated as bot-wide: after one, no send of any chat goes out until its
/// retry_after has passed. Every outgoing call waits here first.
/// </summary>
public sealed class TelegramFloodGate(TimeProvider time)
{
    private long _closedUntilTicks;

    public void CloseFor(TimeSpan retryAfter)
    {
        var until = (time.GetUtcNow() + retryAfter).UtcTicks;
        long seen;
        do
        {
            seen = Interlocked.Read(ref _closedUntilTicks);
            if (seen >= until)
                return;
        }
        while (Interlocked.CompareExchange(ref _closedUntilTicks, until, seen) != seen);
    }

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var wait = new DateTimeOffset(Interlocked.Read(ref _closedUntilTicks), TimeSpan.Zero) - time.GetUtcNow();
            if (wait <= TimeSpan.Zero)
                return;
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
