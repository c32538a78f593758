using AsnBot.Knowledge.Catalog;
using AsnBot.Knowledge.Enrollments;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Profiles;
using AsnBot.Knowledge.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AsnBot.Scheduler.Reminders;

/// <summary>
/// The catalog's dated sessions and the people registered for them. Only
/// <see cref="EnrollmentStatus.Registered"/> counts: interest is a wish the coordinator has not
/// turned into a seat, and telling someone "your training is tomorrow" would send them to a room
/// without a place for them; attended and later statuses are past the start.
/// </summary>
public sealed class CatalogTrainingCalendar(IServiceScopeFactory scopes, RegionDirectory regions, IOptions<SchedulerOptions> options) : ITrainingCalendar
{
    public async Task<IReadOnlyList<EnrolledSession>> EnrolledSessionsStartingAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        // Session dates are local to where they run; a day either side covers every zone.
        var firstDay = DateOnly.FromDateTime(from.UtcDateTime).AddDays(-1);
        var lastDay = DateOnly.FromDateTime(to.UtcDateTime).AddDays(1);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AsnBotDbContext>();
        var rows = await (
                from enrollment in db.Set<Enrollment>()
                where enrollment.Status == EnrollmentStatus.Registered && enrollment.SessionId != null
                join session in db.Set<TrainingSession>() on enrollment.SessionId equals session.Id
                where session.Start >= firstDay && session.Start <= lastDay
                join training in db.Set<Training>() on session.TrainingCode equals training.Code
                join person in db.Set<Person>() on enrollment.PersonId equals person.Id
                select new { enrollment.PersonId, SessionId = session.Id, training.Title, session.Start, session.Place, session.Province, session.IsOnline, person.TimeZone })
            .AsNoTracking()
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows
            .DistinctBy(r => (r.PersonId, r.SessionId))
            .Select(r => new EnrolledSession(r.PersonId, r.SessionId, r.Title, StartsAt(r.Start, r.IsOnline, r.Province, r.TimeZone), r.Place))
            .Where(s => s.StartsAt >= from && s.StartsAt < to)];
    }

    /// <summary>The session's first day at the usual start time where it is held; an online session starts in each participant's own zone.</summary>
    private DateTimeOffset StartsAt(DateOnly day, bool isOnline, string? province, IndonesianTimeZone participantZone)
    {
        var zone = !isOnline && regions.Find(province) is { } place ? place.TimeZone : participantZone;
        return new DateTimeOffset(day.ToDateTime(options.Value.SessionStart), zone.Offset());
    }
}
