using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Privacy;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Knowledge.Mentoring;

/// <summary>A coordinator's request to pair two people, by NIP (from the command line, HTTP or an imported row).</summary>
public sealed record PairingRequest(string MentorNip, string MenteeNip, int EveryDays = 14, DateOnly? FirstSessionOn = null, MentorRole Role = MentorRole.Mentor, string? CoordinatorNip = null, string? CreatedBy = null);

/// <summary>A pair as coordinators see it.</summary>
public sealed record PairView(Guid Id, string Mentor, string Mentee, string Role, int EveryDays, DateOnly FirstSessionOn, int SessionsHeld, int SessionsMissed, bool IsActive);

/// <summary>An open escalation as coordinators see it.</summary>
public sealed record EscalationView(long Id, Guid PairId, string Mentor, string Mentee, int SessionNumber, DateTimeOffset CreatedAt);

/// <summary>A check-in whose day has passed without being held.</summary>
public sealed record OverdueCheckIn(Guid PairId, string Mentor, string Mentee, int SessionNumber, DateOnly ScheduledOn, MentoringSessionStatus Status);

/// <summary>
/// A pairing refused (unknown NIP, pairing someone with themself, ...): the column of a mentoring
/// sheet it is about and the sentence of <c>data/import-texts.yaml</c> that says why (<see cref="Catalog.ImportTexts.Format"/>).
/// </summary>
public sealed class PairingRefusedException(string column, string key, params (string Name, object Value)[] values)
    : Exception($"{column}: {key}")
{
    public string Column { get; } = column;
    public string Key { get; } = key;
    public IReadOnlyList<(string Name, object Value)> Values { get; } = values;
}

/// <summary>The coordinators' mentoring operations: pair, list, escalations; and who guides whom.</summary>
public static class MentoringPairs
{
    /// <summary>Pairs a mentor and a mentee; an active pair of the same two people is replaced by the new rhythm.</summary>
    public static async Task<MentoringPair> PairAsync(AsnBotDbContext db, PairingRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        if (request.EveryDays is < 1 or > 365)
            throw new PairingRefusedException("every_days", "whole_number", ("value", request.EveryDays), ("min", 1), ("max", 365));
        var mentor = await ByNipAsync(db, request.MentorNip, "mentor_nip", "mentoring.unknown_mentor", cancellationToken).ConfigureAwait(false);
        var mentee = await ByNipAsync(db, request.MenteeNip, "mentee_nip", "mentoring.unknown_mentee", cancellationToken).ConfigureAwait(false);
        if (mentor.Id == mentee.Id)
            throw new PairingRefusedException("mentee_nip", "mentoring.self");
        Guid? coordinator = null;
        if (!string.IsNullOrWhiteSpace(request.CoordinatorNip))
            coordinator = (await ByNipAsync(db, request.CoordinatorNip, "coordinator_nip", "mentoring.unknown_coordinator", cancellationToken).ConfigureAwait(false)).Id;

        var earlier = await db.Set<MentoringPair>()
            .Where(p => p.MentorId == mentor.Id && p.MenteeId == mentee.Id && p.IsActive).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var pair in earlier)
        {
            pair.IsActive = false;
            pair.EndedAt = now;
        }
        var today = DateOnly.FromDateTime(mentor.TimeZone.ToLocal(now).DateTime);
        var created = new MentoringPair
        {
            MentorId = mentor.Id, MenteeId = mentee.Id, Role = request.Role, EveryDays = request.EveryDays,
            FirstSessionOn = request.FirstSessionOn ?? today.AddDays(request.EveryDays),
            CoordinatorId = coordinator, CreatedBy = request.CreatedBy, CreatedAt = now,
        };
        if (created.FirstSessionOn <= today)
            throw new PairingRefusedException("first_session", "mentoring.first_session");
        db.Add(created);
        // A coordinator's action on two people's data: both processing logs show it (UU 27/2022).
        var actor = string.IsNullOrWhiteSpace(request.CreatedBy) ? "Pengelola" : request.CreatedBy;
        PersonalData.Log(db, mentor.Id, actor, $"Menetapkan Anda sebagai mentor bagi {mentee.FullName}", now);
        PersonalData.Log(db, mentee.Id, actor, $"Menetapkan {mentor.FullName} sebagai mentor Anda", now);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return created;
    }

    public static async Task<bool> EndAsync(AsnBotDbContext db, Guid pairId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ended = await db.Set<MentoringPair>().Where(p => p.Id == pairId && p.IsActive)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.IsActive, false).SetProperty(p => p.EndedAt, now), cancellationToken).ConfigureAwait(false);
        return ended == 1;
    }

    /// <summary>For each mentee: their mentor, or when they have none their direct supervisor (the newest active pair).</summary>
    public static async Task<Dictionary<Guid, Guid>> GuidesOfAsync(AsnBotDbContext db, IReadOnlyCollection<Guid> menteeIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var pairs = await db.Set<MentoringPair>().AsNoTracking().Where(p => p.IsActive && menteeIds.Contains(p.MenteeId))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return pairs.GroupBy(p => p.MenteeId).ToDictionary(
            g => g.Key,
            g => g.OrderBy(p => p.Role == MentorRole.Mentor ? 0 : 1).ThenByDescending(p => p.CreatedAt).First().MentorId);
    }

    public static Task<IReadOnlyList<PairView>> ListAsync(AsnBotDbContext db, bool includeEnded, CancellationToken cancellationToken) =>
        ListAsync(db, includeEnded, null, cancellationToken);

    /// <summary>The pairs among <paramref name="within"/> (every pair when null): a coordinator's or a mentor's.</summary>
    public static async Task<IReadOnlyList<PairView>> ListAsync(AsnBotDbContext db, bool includeEnded, IQueryable<MentoringPair>? within, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var pairs = await (within ?? db.Set<MentoringPair>()).AsNoTracking().Where(p => includeEnded || p.IsActive)
            .OrderBy(p => p.CreatedAt).ToListAsync(cancellationToken).ConfigureAwait(false);
        var ids = pairs.Select(p => p.Id).ToList();
        var sessions = await db.Set<MentoringSession>().AsNoTracking().Where(s => ids.Contains(s.PairId))
            .Select(s => new { s.PairId, s.Status }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var names = await NamesAsync(db, pairs.SelectMany(p => new[] { p.MentorId, p.MenteeId }), cancellationToken).ConfigureAwait(false);
        return [.. pairs.Select(p => new PairView(
            p.Id, names.GetValueOrDefault(p.MentorId, ""), names.GetValueOrDefault(p.MenteeId, ""), p.Role.ToString(), p.EveryDays, p.FirstSessionOn,
            sessions.Count(s => s.PairId == p.Id && s.Status == MentoringSessionStatus.Held),
            sessions.Count(s => s.PairId == p.Id && s.Status is MentoringSessionStatus.Missed or MentoringSessionStatus.NotHeld),
            p.IsActive))];
    }

    public static Task<IReadOnlyList<EscalationView>> OpenEscalationsAsync(AsnBotDbContext db, CancellationToken cancellationToken) =>
        OpenEscalationsAsync(db, null, cancellationToken);

    /// <summary>The open escalations of the pairs among <paramref name="within"/> (every pair when null).</summary>
    public static async Task<IReadOnlyList<EscalationView>> OpenEscalationsAsync(AsnBotDbContext db, IQueryable<MentoringPair>? within, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await (from e in db.Set<MentoringEscalation>().AsNoTracking()
                          join p in within ?? db.Set<MentoringPair>() on e.PairId equals p.Id
                          where e.ResolvedAt == null
                          select new { e.Id, e.PairId, p.MentorId, p.MenteeId, e.SessionNumber, e.CreatedAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var names = await NamesAsync(db, rows.SelectMany(r => new[] { r.MentorId, r.MenteeId }), cancellationToken).ConfigureAwait(false);
        return [.. rows.OrderBy(r => r.Id).Select(r => new EscalationView(
            r.Id, r.PairId, names.GetValueOrDefault(r.MentorId, ""), names.GetValueOrDefault(r.MenteeId, ""), r.SessionNumber, r.CreatedAt))];
    }

    /// <summary>
    /// Check-ins of active pairs among <paramref name="within"/> that are past and not recorded as held:
    /// still scheduled after their day (the mentor has not recorded them), missed, or not held.
    /// </summary>
    public static async Task<IReadOnlyList<OverdueCheckIn>> OverdueCheckInsAsync(AsnBotDbContext db, IQueryable<MentoringPair>? within, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await (from s in db.Set<MentoringSession>().AsNoTracking()
                          join p in within ?? db.Set<MentoringPair>() on s.PairId equals p.Id
                          where p.IsActive && s.ScheduledOn < today && s.Status != MentoringSessionStatus.Held
                          select new { s.PairId, p.MentorId, p.MenteeId, s.Number, s.ScheduledOn, s.Status })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var names = await NamesAsync(db, rows.SelectMany(r => new[] { r.MentorId, r.MenteeId }), cancellationToken).ConfigureAwait(false);
        return [.. rows.OrderBy(r => r.ScheduledOn).ThenBy(r => r.Number).Select(r => new OverdueCheckIn(
            r.PairId, names.GetValueOrDefault(r.MentorId, ""), names.GetValueOrDefault(r.MenteeId, ""), r.Number, r.ScheduledOn, r.Status))];
    }

    private static async Task<Dictionary<Guid, string>> NamesAsync(AsnBotDbContext db, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Set<Person>().AsNoTracking().Where(p => wanted.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.FullName, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Person> ByNipAsync(AsnBotDbContext db, string nip, string column, string unknown, CancellationToken cancellationToken)
    {
        var digits = new string((nip ?? "").Where(char.IsAsciiDigit).ToArray());
        return await db.Set<Person>().AsNoTracking().FirstOrDefaultAsync(p => p.Nip == digits, cancellationToken).ConfigureAwait(false)
            ?? throw new PairingRefusedException(column, unknown);
    }
}
