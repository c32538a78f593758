using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Knowledge.LearningHours;

/// <summary>
/// Credits JP for learning activities by the agency's conversion table, with its caps per day
/// and per year, and reports a person's year. Writes are added to the caller's context and saved
/// with the caller's unit of work (a dialog turn, a coordinator's import).
/// </summary>
public sealed class LearningHoursLedger(AsnBotDbContext db, JpConversionTable conversion, TimeProvider time)
{
    /// <summary>
    /// Credits the activity once: a second call with the same source returns the first entry.
    /// Returns null when a cap leaves nothing to credit.
    /// </summary>
    public async Task<LearningHoursEntry?> CreditAsync(LearningActivity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var existing = db.Set<LearningHoursEntry>().Local.FirstOrDefault(e => e.PersonId == activity.PersonId && e.SourceRef == activity.SourceRef)
            ?? await db.Set<LearningHoursEntry>()
                .FirstOrDefaultAsync(e => e.PersonId == activity.PersonId && e.SourceRef == activity.SourceRef, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
            return existing;

        var rule = conversion.Get(activity.PathCode);
        var jp = activity.Jp ?? rule.JpPerUnit;
        if (rule.CapPerDay is not null || rule.CapPerYear is not null)
        {
            var sameYear = await CountingEntries(activity.PersonId, activity.LearnedOn.Year, rule.PathCode, cancellationToken).ConfigureAwait(false);
            if (rule.CapPerYear is { } perYear)
                jp = Math.Min(jp, perYear - sameYear.Sum(e => e.Jp));
            if (rule.CapPerDay is { } perDay)
                jp = Math.Min(jp, perDay - sameYear.Where(e => e.LearnedOn == activity.LearnedOn).Sum(e => e.Jp));
        }
        if (jp <= 0)
            return null;

        var entry = new LearningHoursEntry
        {
            PersonId = activity.PersonId,
            Year = activity.LearnedOn.Year,
            LearnedOn = activity.LearnedOn,
            PathCode = rule.PathCode,
            Source = activity.Source,
            Title = activity.Title,
            Jp = jp,
            Status = activity.NeedsVerification ? LearningHoursStatus.PendingVerification : LearningHoursStatus.Credited,
            SourceRef = activity.SourceRef,
            RecordedAt = time.GetUtcNow(),
        };
        db.Add(entry);
        return entry;
    }

    /// <summary>A coordinator approves or rejects a claimed entry. False when there is no such pending entry.</summary>
    public async Task<bool> ReviewAsync(Guid entryId, bool approve, string reviewedBy, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reviewedBy);
        var entry = await db.Set<LearningHoursEntry>().FirstOrDefaultAsync(e => e.Id == entryId, cancellationToken).ConfigureAwait(false);
        if (entry is not { Status: LearningHoursStatus.PendingVerification })
            return false;
        entry.Status = approve ? LearningHoursStatus.Credited : LearningHoursStatus.Rejected;
        entry.ReviewedBy = reviewedBy;
        return true;
    }

    /// <summary>The person's JP in their current local year: the credited total by <see cref="CreditedJp.Query"/>, with the lines behind it and the claims still waiting.</summary>
    public async Task<LearningHoursSummary> ThisYearAsync(Guid personId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var person = db.Set<Person>().Where(p => p.Id == personId);
        var zone = await person.Select(p => (IndonesianTimeZone?)p.TimeZone).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? IndonesianTimeZone.WIB;
        var years = LocalYears.At(now);
        var year = years.For(zone);
        var total = await CreditedJp.Query(db, person, years).Select(c => c.Jp).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var entries = await db.Set<LearningHoursEntry>()
            .Where(e => e.PersonId == personId && e.Year == year && e.Status != LearningHoursStatus.Rejected)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        entries.Sort((a, b) => a.LearnedOn != b.LearnedOn ? a.LearnedOn.CompareTo(b.LearnedOn) : a.RecordedAt.CompareTo(b.RecordedAt));
        var credited = entries.Where(e => e.Status == LearningHoursStatus.Credited).ToList();
        var pending = entries.Where(e => e.Status == LearningHoursStatus.PendingVerification).ToList();
        return new LearningHoursSummary(year, total, credited, pending);
    }

    /// <summary>Entries that use up a path's caps: credited or still waiting, saved or added in this unit of work.</summary>
    private async Task<List<LearningHoursEntry>> CountingEntries(Guid personId, int year, string pathCode, CancellationToken cancellationToken)
    {
        var saved = await db.Set<LearningHoursEntry>()
            .Where(e => e.PersonId == personId && e.Year == year && e.PathCode == pathCode && e.Status != LearningHoursStatus.Rejected)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var added = db.ChangeTracker.Entries<LearningHoursEntry>()
            .Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity)
            .Where(e => e.PersonId == personId && e.Year == year && e.PathCode == pathCode && e.Status != LearningHoursStatus.Rejected);
        return saved.Union(added).ToList();
    }
}
