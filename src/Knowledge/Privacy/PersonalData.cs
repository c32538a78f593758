using AsnBot.Knowledge.Conversations;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Knowledge.Privacy;

/// <summary>Everything held about one person, as the person may ask to see it (UU 27/2022 art. 7).</summary>
public sealed record PersonalDataReport(
    Person Person,
    IReadOnlyList<ChannelAccount> Channels,
    IReadOnlyList<ConsentRecord> Consents,
    IReadOnlyList<ProcessingLogEntry> RecentProcessing);

/// <summary>The person's rights over their data: see it all, and have it all deleted.</summary>
public static class PersonalData
{
    public static async Task<PersonalDataReport?> ReportAsync(AsnBotDbContext db, Guid personId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var person = await db.Set<Person>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, cancellationToken).ConfigureAwait(false);
        if (person is null)
            return null;
        var channels = await db.Set<ChannelAccount>().AsNoTracking().Where(c => c.PersonId == personId).ToListAsync(cancellationToken).ConfigureAwait(false);
        var consents = await db.Set<ConsentRecord>().AsNoTracking().Where(c => c.PersonId == personId).ToListAsync(cancellationToken).ConfigureAwait(false);
        var log = await db.Set<ProcessingLogEntry>().AsNoTracking().Where(e => e.PersonId == personId)
            .OrderByDescending(e => e.At).Take(10).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new PersonalDataReport(person, channels, consents, log);
    }

    /// <summary>
    /// Deletes the person and, through cascading foreign keys, every row that belongs to them
    /// (channels, consents, processing log, conversations, and whatever later features add).
    /// </summary>
    public static async Task EraseAsync(AsnBotDbContext db, Guid personId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Set<ConversationRecord>().Where(c => c.PersonId == personId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.Set<Person>().Where(p => p.Id == personId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    public static void Log(AsnBotDbContext db, Guid personId, string actor, string activity, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.Add(Entry(personId, actor, activity, at));
    }

    /// <summary>The same entry, for a caller that writes its rows itself (<see cref="ModelRows"/>).</summary>
    public static ProcessingLogEntry Entry(Guid personId, string actor, string activity, DateTimeOffset at) =>
        new() { PersonId = personId, Actor = actor, Activity = activity, At = at };
}
