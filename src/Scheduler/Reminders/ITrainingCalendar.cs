namespace AsnBot.Scheduler.Reminders;

/// <summary>A person enrolled in a dated training session.</summary>
public sealed record EnrolledSession(Guid PersonId, long SessionId, string Title, DateTimeOffset StartsAt, string Location);

/// <summary>
/// Who is enrolled in which session, as the reminders need it. The training catalog implements
/// it over its sessions and enrollments; without one registered, there is nothing to remind of.
/// </summary>
public interface ITrainingCalendar
{
    Task<IReadOnlyList<EnrolledSession>> EnrolledSessionsStartingAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
