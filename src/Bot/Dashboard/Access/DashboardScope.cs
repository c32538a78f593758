using System.Security.Claims;
using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Dashboard.Access;

/// <summary>
/// What a signed-in user may see and act on: the one place that decides it. Every page, API
/// and export reads people through <see cref="People"/> and checks broadcasts through
/// <see cref="Covers(AudienceFilter)"/>, so a coordinator of agency A never reaches agency B,
/// whether by list, URL or export. An Admin sees everything; a Mentor sees nobody yet.
/// </summary>
public sealed class DashboardScope
{
    private DashboardScope(string userName, bool isAdmin, IReadOnlyList<string> agencies)
    {
        UserName = userName;
        IsAdmin = isAdmin;
        Agencies = agencies;
    }

    public string UserName { get; }
    public bool IsAdmin { get; }

    /// <summary>The agencies of a coordinator; empty for an Admin (who sees all) and a Mentor (who sees none).</summary>
    public IReadOnlyList<string> Agencies { get; }

    public static DashboardScope Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var name = user.Identity?.Name ?? "";
        if (user.Identity?.IsAuthenticated != true)
            return new DashboardScope(name, false, []);
        if (user.IsInRole(DashboardRoles.Admin))
            return new DashboardScope(name, true, []);
        var agencies = user.IsInRole(DashboardRoles.Coordinator)
            ? user.FindAll(DashboardRoles.AgencyClaim).Select(c => c.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()
            : [];
        return new DashboardScope(name, false, agencies);
    }

    /// <summary>The people this user may see. Filter further, never around it.</summary>
    public IQueryable<Person> People(AsnBotDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var people = db.Set<Person>().AsNoTracking();
        if (IsAdmin)
            return people;
        var agencies = Agencies.ToList();
        return people.Where(p => agencies.Contains(p.Agency));
    }

    public bool Covers(string agency) => IsAdmin || Agencies.Contains(agency, StringComparer.Ordinal);

    /// <summary>
    /// A coordinator's broadcast reaches only their agencies: an audience without agencies is
    /// narrowed to them, one naming another agency is refused (null).
    /// </summary>
    public AudienceFilter? Restrict(AudienceFilter audience)
    {
        ArgumentNullException.ThrowIfNull(audience);
        if (IsAdmin)
            return audience;
        if (Agencies.Count == 0)
            return null;
        if (audience.Agencies.Count == 0)
            return audience with { Agencies = Agencies };
        return audience.Agencies.All(Covers) ? audience : null;
    }

    /// <summary>A broadcast is in scope when its whole audience lies within the user's agencies.</summary>
    public bool Covers(AudienceFilter audience)
    {
        ArgumentNullException.ThrowIfNull(audience);
        return IsAdmin || (audience.Agencies.Count > 0 && audience.Agencies.All(Covers));
    }

    /// <summary>The agencies this user may pick from, for filters and forms.</summary>
    public async Task<IReadOnlyList<string>> AgencyChoicesAsync(AsnBotDbContext db, CancellationToken cancellationToken) =>
        IsAdmin
            ? await db.Set<Person>().Select(p => p.Agency).Distinct().OrderBy(a => a).ToListAsync(cancellationToken).ConfigureAwait(false)
            : Agencies;
}
