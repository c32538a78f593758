using AsnBot.Conversations;

namespace AsnBot.Channels.Telegram;

/// <summary>
/// "typing…" for one turn, shown at most once: by the timer when the turn runs long, never
/// once the turn has finished. Stopping waits for a call already under way, so the indicator
/// always reaches Telegram before the reply does.
/// </summary>
internal sealed class TypingCue(TelegramSender sender, ChannelUser user, CancellationToken cancellationToken)
{
    private const int Waiting = 0;
    private const int Shown = 1;
    private const int Stopped = 2;

    private readonly TaskCompletionSource<Task> _call = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state;

    /// <summary>The timer's callback: starts the call unless the turn already ended.</summary>
    public void Show()
    {
        if (Interlocked.CompareExchange(ref _state, Shown, Waiting) != Waiting)
            return;
        try
        {
            _call.SetResult(sender.ShowTypingAsync(user, cancellationToken));
        }
        catch (Exception e)
        {
            _call.SetException(e);
        }
    }

    /// <summary>Completes at once when nothing was shown, else when the call is done.</summary>
    public Task StopAsync() =>
        Interlocked.CompareExchange(ref _state, Stopped, Waiting) == Waiting ? Task.CompletedTask : _call.Task.Unwrap();
}
