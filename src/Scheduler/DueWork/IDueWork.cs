namespace AsnBot.Scheduler.DueWork;

/// <summary>
/// One kind of work that becomes due with time (session reminders, digests; later lessons,
/// evaluations, mentoring). The due-work job runs each in turn; each finds what is due at
/// <paramref name="now"/> and writes outbox rows with dedupe keys, so running twice is harmless.
/// </summary>
public interface IDueWork
{
    string Name { get; }

    /// <summary>Returns how many outbox rows were written.</summary>
    Task<int> EnqueueDueAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
