using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Profiles;

namespace AsnBot.Knowledge.LearningHours;

/// <summary>One person's credited JP in a year, as <see cref="CreditedJp.Query"/> sums it.</summary>
public sealed class CreditedJp
{
    public Guid PersonId { get; init; }
    public decimal Jp { get; init; }

    /// <summary>
    /// The one definition of "JP credited this year", shared by the chat, the reminders, the
    /// recommendations and the dashboard: per person among <paramref name="people"/>, the sum of
    /// their credited ledger lines (claims waiting for verification and rejected ones do not count)
    /// in the year of <paramref name="years"/> for that person's zone. People with nothing credited
    /// are absent. It is a query, so callers filter, page or join it before it runs in the database.
    /// </summary>
    public static IQueryable<CreditedJp> Query(AsnBotDbContext db, IQueryable<Person> people, LocalYears years)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(years);
        var (wib, wita, wit) = (years.Wib, years.Wita, years.Wit);
        return from e in db.Set<LearningHoursEntry>()
               join p in people on e.PersonId equals p.Id
               where e.Status == LearningHoursStatus.Credited
                     && e.Year == (p.TimeZone == IndonesianTimeZone.WIT ? wit : p.TimeZone == IndonesianTimeZone.WITA ? wita : wib)
               group e by e.PersonId into g
               select new CreditedJp { PersonId = g.Key, Jp = g.Sum(e => e.Jp) };
    }
}

/// <summary>The calendar year counted for people of each zone.</summary>
public sealed record LocalYears(int Wib, int Wita, int Wit)
{
    /// <summary>Each zone's own local year at <paramref name="now"/>: 1 January 00.30 WIT is already the new year in Ambon, not yet in Medan.</summary>
    public static LocalYears At(DateTimeOffset now) =>
        new(IndonesianTimeZone.WIB.ToLocal(now).Year, IndonesianTimeZone.WITA.ToLocal(now).Year, IndonesianTimeZone.WIT.ToLocal(now).Year);

    /// <summary>One calendar year for everyone, e.g. a coordinator's report on 2026.</summary>
    public static LocalYears Same(int year) => new(year, year, year);

    public int For(IndonesianTimeZone zone) => zone switch
    {
        IndonesianTimeZone.WIT => Wit,
        IndonesianTimeZone.WITA => Wita,
        _ => Wib,
    };
}
