using System.Data.Common;
using AsnBot.Knowledge.Conversations;
using AsnBot.Knowledge.Persistence;

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
    public static async Task<bool> TryRecordReceiptAsync(DbTransaction transaction, string channel, string externalId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = TurnCommand.Create(transaction,
            """INSERT INTO inbound_receipts ("Channel", "ExternalId", "ReceivedAt") VALUES (@channel, @external, @now) ON CONFLICT ("Channel", "ExternalId") DO NOTHING""");
        TurnCommand.Add(command, "@channel", channel);
        TurnCommand.Add(command, "@external", externalId);
        TurnCommand.Add(command, "@now", now.UtcTicks);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public static async Task<int> InsertAsync(AsnBotDbContext db, DbTransaction transaction, ChannelUser user, Guid? personId, string stateJson, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = TurnCommand.Create(transaction,
            """INSERT INTO conversations ("Channel", "Address", "PersonId", "StateJson", "Version", "UpdatedAt") VALUES (@channel, @address, @person, @state, 1, @now)""");
        TurnCommand.Add(command, "@channel", user.Channel);
        TurnCommand.Add(command, "@address", user.Address);
        TurnCommand.AddPersonId(db, command, "@person", personId);
        TurnCommand.Add(command, "@state", stateJson);
        TurnCommand.Add(command, "@now", now.UtcTicks);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes the new state over the version that was read. False when the row is no longer
    /// that version: anybody's write in between, or the row deleted since (the caller tells which).
    /// </summary>
    public static async Task<bool> TryUpdateAsync(AsnBotDbContext db, DbTransaction transaction, ConversationRecord read, Guid? personId, string stateJson, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = TurnCommand.Create(transaction,
            """UPDATE conversations SET "StateJson" = @state, "PersonId" = @person, "Version" = @next, "UpdatedAt" = @now WHERE "Id" = @id AND "Version" = @version""");
        TurnCommand.Add(command, "@state", stateJson);
        TurnCommand.AddPersonId(db, command, "@person", personId);
        TurnCommand.Add(command, "@next", read.Version + 1);
        TurnCommand.Add(command, "@now", now.UtcTicks);
        TurnCommand.Add(command, "@id", read.Id);
        TurnCommand.Add(command, "@version", read.Version);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>Deletes the row if it is still the version that was read; false otherwise, as <see cref="TryUpdateAsync"/>.</summary>
    public static async Task<bool> TryDeleteAsync(DbTransaction transaction, ConversationRecord read, CancellationToken cancellationToken)
    {
        await using var command = TurnCommand.Create(transaction, """DELETE FROM conversations WHERE "Id" = @id AND "Version" = @version""");
        TurnCommand.Add(command, "@id", read.Id);
        TurnCommand.Add(command, "@version", read.Version);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }
}
