namespace AsnBot.Scheduler.Reminders;

/// <summary>A person enrolled in a dated training session.</summary>
public sealed record EnrolledSession(Guid PersonId, string SessionId, string Title, DateTimeOffset StartsAt, string Location);

/// <summary>
/// Who is enrolled in which session, as the reminders need it: <see cref="CatalogTrainingCalendar"/>
/// over the catalog's sessions and enrollments.
/// </summary>
public interface ITrainingCalendar
{
    Task<IReadOnlyList<EnrolledSession>> EnrolledSessionsStartingAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
