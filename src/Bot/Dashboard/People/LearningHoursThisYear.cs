using AsnBot.Knowledge.LearningHours;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Dashboard.People;

/// <summary>
/// Credited JP this year per person, for the overview's distribution and the "below 20 JP" filter,
/// by the ledger's one definition (<see cref="CreditedJp.Query"/>).
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
        return await CreditedJp.Query(db, people, LocalYears.Same(year))
            .ToDictionaryAsync(c => c.PersonId, c => c.Jp, cancellationToken).ConfigureAwait(false);
    }
}
