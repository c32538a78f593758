namespace AsnBot.TestPeers.Telegram;

/// <summary>Waits, without sleeping, until a probe over some signalled state yields a value.</summary>
internal static class SignalWaiter
{
    /// <summary>
    /// Re-runs <paramref name="probe"/> after every pulse of <paramref name="signal"/> until it returns
    /// a non-null value; throws <see cref="TimeoutException"/> with <paramref name="describeFailure"/>'s text
    /// when <paramref name="timeout"/> passes first.
    /// </summary>
    public static async Task<T> WaitUntilAsync<T>(
        AsyncSignal signal,
        Func<T?> probe,
        TimeSpan timeout,
        Func<string> describeFailure,
        CancellationToken cancellationToken)
        where T : class
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            var pulse = signal.NextPulse;
            if (probe() is { } found)
            {
                return found;
            }

            try
            {
                await pulse.WaitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return probe() ?? throw new TimeoutException($"{describeFailure()} (waited {timeout.TotalSeconds:0.###} s)");
            }
        }
    }
}
