using AsnBot.Knowledge.Conversations;
using AsnBot.Knowledge.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Conversations;

/// <summary>
/// The two rows every turn writes, as single statements in the turn's transaction: the inbound
/// receipt and the conversation state. Change tracking and SaveChanges would cost a turn more
/// than the rest of its database work together, for two rows whose shape never varies. The
/// SQL is the same on SQLite and PostgreSQL; every value is a parameter, and instants are
/// written as UTC ticks, as <see cref="UtcTicksConverter"/> stores them for the model.
/// </summary>
internal static class TurnWrites
{
    /// <summary>
    /// Records the receipt unless it exists: false means the update was handled before (or is
    /// being handled by a transaction that commits first, on PostgreSQL the insert waits for it).
    /// </summary>
    public static async Task<bool> TryRecordReceiptAsync(AsnBotDbContext db, string channel, string externalId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO inbound_receipts ("Channel", "ExternalId", "ReceivedAt") VALUES ({channel}, {externalId}, {now.UtcTicks}) ON CONFLICT ("Channel", "ExternalId") DO NOTHING""",
            cancellationToken).ConfigureAwait(false) == 1;

    public static Task<int> InsertAsync(AsnBotDbContext db, ChannelUser user, Guid? personId, string stateJson, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"""INSERT INTO conversations ("Channel", "Address", "PersonId", "StateJson", "Version", "UpdatedAt") VALUES ({user.Channel}, {user.Address}, {personId}, {stateJson}, {1L}, {now.UtcTicks})""",
            cancellationToken);

    /// <summary>
    /// Writes the new state over the version that was read. False when the row is no longer
    /// that version: anybody's write in between, or the row deleted since (the caller tells which).
    /// </summary>
    public static async Task<bool> TryUpdateAsync(AsnBotDbContext db, ConversationRecord read, Guid? personId, string stateJson, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync(
            $"""UPDATE conversations SET "StateJson" = {stateJson}, "PersonId" = {personId}, "Version" = {read.Version + 1}, "UpdatedAt" = {now.UtcTicks} WHERE "Id" = {read.Id} AND "Version" = {read.Version}""",
            cancellationToken).ConfigureAwait(false) == 1;

    /// <summary>Deletes the row if it is still the version that was read; false otherwise, as <see cref="TryUpdateAsync"/>.</summary>
    public static async Task<bool> TryDeleteAsync(AsnBotDbContext db, ConversationRecord read, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync(
            $"""DELETE FROM conversations WHERE "Id" = {read.Id} AND "Version" = {read.Version}""",
            cancellationToken).ConfigureAwait(false) == 1;
}
