namespace AsnBot.TestPeers.Telegram;

/// <summary>
/// Telegram serves one getUpdates call at a time: a new call ends the one still waiting with a 409
/// "terminated by other getUpdates request". Each call takes a turn; the previous turn learns it was superseded.
/// </summary>
internal sealed class PollerTurns
{
    private readonly Lock _gate = new();
    private TaskCompletionSource? _current;

    /// <summary>Pulses whenever a getUpdates call starts or ends, so tests can wait for the bot to be polling.</summary>
    public AsyncSignal Changed { get; } = new();

    public bool IsPolling
    {
        get
        {
            lock (_gate)
            {
                return _current is not null;
            }
        }
    }

    /// <summary>Starts a turn; the returned task completes when a later call supersedes it.</summary>
    public TaskCompletionSource Begin()
    {
        var mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        TaskCompletionSource? previous;
        lock (_gate)
        {
            previous = _current;
            _current = mine;
        }

        previous?.TrySetResult();
        Changed.Pulse();
        return mine;
    }

    public void End(TaskCompletionSource turn)
    {
        lock (_gate)
        {
            if (_current == turn)
            {
                _current = null;
            }
        }

        Changed.Pulse();
    }
}
