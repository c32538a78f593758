using System.Security.Claims;
using AsnBot.Knowledge.Mentoring;
using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Dashboard.Access;

/// <summary>
/// What a signed-in user may see and act on: the one place that decides it. Every page, API
/// and export reads people through <see cref="People"/> and checks broadcasts through
/// <see cref="Covers(AudienceFilter)"/>, so a coordinator of agency A never reaches agency B,
/// whether by list, URL or export. An Admin sees everything; a Mentor sees only their own
/// mentoring pairs (<see cref="Pairs"/>), found by the NIP their account is linked to.
/// </summary>
public sealed class DashboardScope
{
    private DashboardScope(string userName, bool isAdmin, IReadOnlyList<string> agencies, string? mentorNip = null)
    {
        UserName = userName;
        IsAdmin = isAdmin;
        Agencies = agencies;
        MentorNip = mentorNip;
    }

    public string UserName { get; }
    public bool IsAdmin { get; }

    /// <summary>The NIP of the civil servant a Mentor account belongs to; null for everyone else.</summary>
    public string? MentorNip { get; }

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
        if (user.IsInRole(DashboardRoles.Coordinator))
            return new DashboardScope(name, false, [.. user.FindAll(DashboardRoles.AgencyClaim).Select(c => c.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
        var mentorNip = user.IsInRole(DashboardRoles.Mentor) ? user.FindFirst(DashboardRoles.MentorNipClaim)?.Value : null;
        return new DashboardScope(name, false, [], string.IsNullOrEmpty(mentorNip) ? null : mentorNip);
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

    /// <summary>
    /// The mentoring pairs this user may see and act on: every pair for an Admin; for a coordinator
    /// the pairs whose mentor and mentee both belong to their agencies; for a Mentor their own.
    /// </summary>
    public IQueryable<MentoringPair> Pairs(AsnBotDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var pairs = db.Set<MentoringPair>().AsNoTracking();
        if (IsAdmin)
            return pairs;
        var people = db.Set<Person>();
        if (MentorNip is { } nip)
            return pairs.Where(p => people.Any(m => m.Id == p.MentorId && m.Nip == nip));
        var inScope = People(db);
        return pairs.Where(p => inScope.Any(m => m.Id == p.MentorId) && inScope.Any(m => m.Id == p.MenteeId));
    }

    /// <summary>Whether this user may see the person (by id): in <see cref="People"/>.</summary>
    public Task<bool> SeesAsync(AsnBotDbContext db, Guid personId, CancellationToken cancellationToken) =>
        People(db).AnyAsync(p => p.Id == personId, cancellationToken);

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
