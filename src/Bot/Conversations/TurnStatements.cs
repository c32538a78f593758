using System.Data.Common;
using AsnBot.Knowledge.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AsnBot.Conversations;

/// <summary>What a turn starts from: the saved conversation (null before the first) and the person the address belongs to.</summary>
internal sealed record TurnRead(ConversationRecord? Conversation, Guid? PersonId);

/// <summary>
/// All a turn that ran no action writes: its receipt (when the channel gave the update an id)
/// and its new state over the <see cref="Read"/> it started from (null before the first;
/// <see cref="StateJson"/> null when no row is to be kept).
/// </summary>
internal sealed record TurnWrite(ChannelUser User, string? ExternalId, ConversationRecord? Read, Guid? PersonId, string? StateJson, DateTimeOffset Now);

internal enum TurnWriteOutcome
{
    /// <summary>Receipt and state are written (once the transaction commits).</summary>
    Written,

    /// <summary>The update was handled before: nothing was written.</summary>
    Duplicate,

    /// <summary>The state changed since it was read: nothing was written, and the turn is to run again.</summary>
    Conflict,
}

/// <summary>
/// The few statements every turn runs, as plain commands on one connection: the read of the
/// conversation and the person, the inbound receipt and the state. Through EF Core each would
/// pay for building its parameters from an interpolated string, the relational command and its
/// diagnostics, more than the statement itself costs SQLite (measured by the telegram-webhook
/// bench). Each command is made on first use and kept while this object lives, so on a
/// connection kept open (<see cref="TurnStore"/>, SQLite) SQLite parses each statement once,
/// not once per turn. The SQL is the same on SQLite and PostgreSQL; every value is a parameter,
/// instants are written as UTC ticks, as <see cref="UtcTicksConverter"/> stores them for the
/// model, and a person id goes through the model's own type mapping, so a row written here reads
/// back like one EF wrote.
/// </summary>
internal sealed class TurnStatements(DbConnection connection, RelationalTypeMapping guidMapping) : IAsyncDisposable
{
    private const string ReadSql = """
        SELECT c."Id", c."Version", c."StateJson", a."PersonId"
        FROM (SELECT 1 AS "One") AS k
        LEFT JOIN conversations AS c ON c."Channel" = @channel AND c."Address" = @address
        LEFT JOIN channel_accounts AS a ON a."Channel" = @channel AND a."Address" = @address
        """;

    private DbCommand? _read;
    private DbCommand? _receiptExists;
    private DbCommand? _recordReceipt;
    private DbCommand? _insert;
    private DbCommand? _update;
    private DbCommand? _delete;

    public DbConnection Connection { get; } = connection;

    /// <summary>The conversation and the person in one statement, in <paramref name="transaction"/> or on its own.</summary>
    public async Task<TurnRead> ReadAsync(DbTransaction? transaction, ChannelUser user, CancellationToken cancellationToken)
    {
        var command = Prepare(ref _read, transaction, ReadSql, "@channel", "@address");
        Set(command, user.Channel, user.Address);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            return new TurnRead(null, null);
        var conversation = reader.IsDBNull(0)
            ? null
            : new ConversationRecord
            {
                Id = reader.GetInt64(0),
                Version = reader.GetInt64(1),
                StateJson = reader.GetString(2),
                Channel = user.Channel,
                Address = user.Address,
            };
        return new TurnRead(conversation, reader.IsDBNull(3) ? null : reader.GetGuid(3));
    }

    /// <summary>Whether an update was handled before.</summary>
    public async Task<bool> ReceiptExistsAsync(DbTransaction? transaction, string channel, string externalId, CancellationToken cancellationToken)
    {
        var command = Prepare(ref _receiptExists, transaction,
            """SELECT 1 FROM inbound_receipts WHERE "Channel" = @channel AND "ExternalId" = @external""", "@channel", "@external");
        Set(command, channel, externalId);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
    }

    /// <summary>
    /// Records the receipt unless it exists: false means the update was handled before (or is
    /// being handled by a transaction that commits first, on PostgreSQL the insert waits for it).
    /// </summary>
    public async Task<bool> TryRecordReceiptAsync(DbTransaction transaction, string channel, string externalId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var command = Prepare(ref _recordReceipt, transaction,
            """INSERT INTO inbound_receipts ("Channel", "ExternalId", "ReceivedAt") VALUES (@channel, @external, @now) ON CONFLICT ("Channel", "ExternalId") DO NOTHING""",
            "@channel", "@external", "@now");
        Set(command, channel, externalId, now.UtcTicks);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>
    /// Writes a turn's state over the version it read, then its receipt. The receipt is looked
    /// for first, so nothing at all is written for a redelivery or a conflict (a row changed or
    /// first written by another turn since it was read), and no savepoint is needed to undo a
    /// part. Two deliveries of one update in one SQLite transaction: the second finds the first's
    /// receipt. On PostgreSQL the second's receipt insert waits for the first's transaction, finds
    /// the receipt written, and its turn (rolled back) is run again and found a redelivery.
    /// </summary>
    public async Task<TurnWriteOutcome> ApplyAsync(DbTransaction transaction, TurnWrite write, CancellationToken cancellationToken)
    {
        if (write.ExternalId is not null && await ReceiptExistsAsync(transaction, write.User.Channel, write.ExternalId, cancellationToken).ConfigureAwait(false))
            return TurnWriteOutcome.Duplicate;
        if (write.Read is { } read)
        {
            var written = write.StateJson is null
                ? await TryDeleteAsync(transaction, read, cancellationToken).ConfigureAwait(false)
                : await TryUpdateAsync(transaction, read, write.PersonId, write.StateJson, write.Now, cancellationToken).ConfigureAwait(false);
            if (!written)
                return TurnWriteOutcome.Conflict;
        }
        else if (write.StateJson is not null && !await TryInsertAsync(transaction, write.User, write.PersonId, write.StateJson, write.Now, cancellationToken).ConfigureAwait(false))
        {
            return TurnWriteOutcome.Conflict;
        }
        // Found missing above, the receipt can only be there now if another transaction wrote it
        // meanwhile (on PostgreSQL the insert waits for it): this turn's state is then not to be kept.
        if (write.ExternalId is not null && !await TryRecordReceiptAsync(transaction, write.User.Channel, write.ExternalId, write.Now, cancellationToken).ConfigureAwait(false))
            throw new DbUpdateConcurrencyException("The update was handled by another turn since its receipt was looked for.");
        return TurnWriteOutcome.Written;
    }

    /// <summary>The first row of a conversation; false when another turn of the same person wrote one since this turn read none.</summary>
    public async Task<bool> TryInsertAsync(DbTransaction transaction, ChannelUser user, Guid? personId, string stateJson, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var command = Prepare(ref _insert, transaction,
            """INSERT INTO conversations ("Channel", "Address", "PersonId", "StateJson", "Version", "UpdatedAt") VALUES (@channel, @address, @person, @state, 1, @now) ON CONFLICT ("Channel", "Address") DO NOTHING""",
            "@channel", "@address", "@person", "@state", "@now");
        Set(command, user.Channel, user.Address, PersonId(personId), stateJson, now.UtcTicks);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>
    /// Writes the new state over the version that was read. False when the row is no longer
    /// that version: anybody's write in between, or the row deleted since (the caller tells which).
    /// </summary>
    public async Task<bool> TryUpdateAsync(DbTransaction transaction, ConversationRecord read, Guid? personId, string stateJson, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var command = Prepare(ref _update, transaction,
            """UPDATE conversations SET "StateJson" = @state, "PersonId" = @person, "Version" = @next, "UpdatedAt" = @now WHERE "Id" = @id AND "Version" = @version""",
            "@state", "@person", "@next", "@now", "@id", "@version");
        Set(command, stateJson, PersonId(personId), read.Version + 1, now.UtcTicks, read.Id, read.Version);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>Deletes the row if it is still the version that was read; false otherwise, as <see cref="TryUpdateAsync"/>.</summary>
    public async Task<bool> TryDeleteAsync(DbTransaction transaction, ConversationRecord read, CancellationToken cancellationToken)
    {
        var command = Prepare(ref _delete, transaction, """DELETE FROM conversations WHERE "Id" = @id AND "Version" = @version""", "@id", "@version");
        Set(command, read.Id, read.Version);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>The command for <paramref name="sql"/>, made with its parameters on first use; "@person" is typed by the model's mapping.</summary>
    private DbCommand Prepare(ref DbCommand? slot, DbTransaction? transaction, string sql, params ReadOnlySpan<string> parameters)
    {
        if (slot is null)
        {
            var command = Connection.CreateCommand();
#pragma warning disable CA2100 // Constant SQL; every value is a parameter.
            command.CommandText = sql;
#pragma warning restore CA2100
            foreach (var name in parameters)
            {
                if (name == "@person")
                {
                    command.Parameters.Add(guidMapping.CreateParameter(command, name, null, nullable: true));
                    continue;
                }
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }
            slot = command;
        }
        slot.Transaction = transaction;
        return slot;
    }

    private static object PersonId(Guid? personId) => personId is { } id ? id : DBNull.Value;

    private static void Set(DbCommand command, params ReadOnlySpan<object> values)
    {
        for (var i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i];
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in (DbCommand?[])[_read, _receiptExists, _recordReceipt, _insert, _update, _delete])
        {
            if (command is not null)
                await command.DisposeAsync().ConfigureAwait(false);
        }
    }
}
