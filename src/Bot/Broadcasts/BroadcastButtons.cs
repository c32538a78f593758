using AsnBot.Conversations;
using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Broadcasts;

/// <summary>
/// A press of a broadcast's button ("Sudah dibaca", "Daftar") is counted for the coordinator,
/// whatever dialog the person is in: it answers the broadcast, not the dialog.
/// </summary>
public static class BroadcastButtons
{
    /// <summary>Records the press once per person and button; false when the person or broadcast is unknown.</summary>
    public static async Task<bool> RecordAsync(AsnBotDbContext db, ChannelUser user, long broadcastId, int buttonIndex, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var personId = await db.Set<ChannelAccount>().Where(c => c.Channel == user.Channel && c.Address == user.Address)
            .Select(c => (Guid?)c.PersonId).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (personId is null || !await db.Set<Broadcast>().AnyAsync(b => b.Id == broadcastId, cancellationToken).ConfigureAwait(false))
            return false;
        var exists = await db.Set<BroadcastResponse>().AnyAsync(
            r => r.BroadcastId == broadcastId && r.PersonId == personId && r.ButtonIndex == buttonIndex, cancellationToken).ConfigureAwait(false);
        if (!exists)
        {
            db.Add(new BroadcastResponse { BroadcastId = broadcastId, PersonId = personId.Value, ButtonIndex = buttonIndex, At = now });
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        return true;
    }
}
