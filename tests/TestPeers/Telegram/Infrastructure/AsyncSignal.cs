namespace AsnBot.TestPeers.Telegram;

/// <summary>
/// Wakes every current waiter each time <see cref="Pulse"/> is called. A pulse carries no data:
/// waiters re-read the state they care about after waking. Take <see cref="NextPulse"/> before
/// checking that state so a change made between the check and the await is never missed.
/// </summary>
internal sealed class AsyncSignal
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _next = NewSource();

    public Task NextPulse
    {
        get
        {
            lock (_gate)
            {
                return _next.Task;
            }
        }
    }

    public void Pulse()
    {
        TaskCompletionSource fired;
        lock (_gate)
        {
            fired = _next;
            _next = NewSource();
        }

        fired.TrySetResult();
    }

    // Continuations run asynchronously so a pulse raised under someone's lock never runs waiter code inline.
    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
