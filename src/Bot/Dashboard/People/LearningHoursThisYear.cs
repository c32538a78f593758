using AsnBot.Knowledge.LearningHours;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Dashboard.People;

/// <summary>
/// Credited JP this year per person, for the overview's distribution and the "below 20 JP" filter.
/// Summed in memory: SQLite cannot add decimals in SQL, and a year's ledger lines are few per person.
/// </summary>
public static class LearningHoursThisYear
{
    public const decimal Target = 20m;

    /// <summary>The year as counted in WIB, the zone most people are in.</summary>
    public static int Year(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return IndonesianTimeZone.WIB.ToLocal(time.GetUtcNow()).Year;
    }

    public static async Task<Dictionary<Guid, decimal>> CreditedAsync(AsnBotDbContext db, IQueryable<Person> people, int year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var lines = await (
            from e in db.Set<LearningHoursEntry>()
            where e.Year == year && e.Status == LearningHoursStatus.Credited
            join p in people on e.PersonId equals p.Id
            select new { e.PersonId, e.Jp })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return lines.GroupBy(l => l.PersonId).ToDictionary(g => g.Key, g => g.Sum(l => l.Jp));
    }
}
