using System.Data.Common;
using System.Globalization;
using AsnBot.Knowledge.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AsnBot.Conversations;

/// <summary>What a turn starts from: the saved conversation (null before the first) and the person the address belongs to.</summary>
internal sealed record TurnRead(ConversationRecord? Conversation, Guid? PersonId)
{
    /// <summary>Taken from <see cref="ConversationCache"/>, not read: what a turn writes over it is checked all the same.</summary>
    public bool IsRemembered { get; init; }
}

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
/// <para>
/// A conversation is written only while its address still belongs to the person the turn started
/// with (<see cref="PersonUnchanged"/>): a turn that began before a link, an erasure or a change
/// made elsewhere misses its write and runs again, rather than write a stale person onto the row.
/// That check is what lets a turn start from <see cref="ConversationCache"/>.
/// </para>
/// </summary>
internal sealed class TurnStatements(DbConnection connection, RelationalTypeMapping guidMapping) : IAsyncDisposable
{
    private const string ReadSql = """
        SELECT c."Id", c."Version", c."StateJson", a."PersonId"
        FROM (SELECT 1 AS "One") AS k
        LEFT JOIN conversations AS c ON c."Channel" = @channel AND c."Address" = @address
        LEFT JOIN channel_accounts AS a ON a."Channel" = @channel AND a."Address" = @address
        """;

    /// <summary>The address belongs to <c>@person</c> (to nobody when it is null), as the turn found it.</summary>
    private const string PersonUnchanged = """
        (SELECT a."PersonId" FROM channel_accounts AS a WHERE a."Channel" = @channel AND a."Address" = @address) IS NOT DISTINCT FROM @person
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
    /// Writes a turn's state over the version it read, then its receipt, and gives back the row as
    /// written (null when none is kept). The receipt is looked for first, so nothing at all is
    /// written for a redelivery or a conflict (a row changed or first written by another turn since
    /// it was read, or the address linked to someone else), and no savepoint is needed to undo a
    /// part. Two deliveries of one update in one SQLite transaction: the second finds the first's
    /// receipt. On PostgreSQL the second's receipt insert waits for the first's transaction, finds
    /// the receipt written, and its turn (rolled back) is run again and found a redelivery.
    /// </summary>
    public async Task<(TurnWriteOutcome Outcome, ConversationRecord? Written)> ApplyAsync(DbTransaction transaction, TurnWrite write, CancellationToken cancellationToken)
    {
        if (write.ExternalId is not null && await ReceiptExistsAsync(transaction, write.User.Channel, write.ExternalId, cancellationToken).ConfigureAwait(false))
            return (TurnWriteOutcome.Duplicate, null);
        ConversationRecord? written = null;
        if (write.StateJson is { } json)
        {
            written = write.Read is { } read
                ? await TryUpdateAsync(transaction, read, write.PersonId, json, write.Now, cancellationToken).ConfigureAwait(false)
                : await TryInsertAsync(transaction, write.User, write.PersonId, json, write.Now, cancellationToken).ConfigureAwait(false);
            if (written is null)
                return (TurnWriteOutcome.Conflict, null);
        }
        else if (write.Read is { } gone && !await TryDeleteAsync(transaction, gone, cancellationToken).ConfigureAwait(false))
        {
            return (TurnWriteOutcome.Conflict, null);
        }
        // Found missing above, the receipt can only be there now if another transaction wrote it
        // meanwhile (on PostgreSQL the insert waits for it): this turn's state is then not to be kept.
        if (write.ExternalId is not null && !await TryRecordReceiptAsync(transaction, write.User.Channel, write.ExternalId, write.Now, cancellationToken).ConfigureAwait(false))
            throw new DbUpdateConcurrencyException("The update was handled by another turn since its receipt was looked for.");
        return (TurnWriteOutcome.Written, written);
    }

    /// <summary>
    /// The first row of a conversation, as written; null when another turn of the same person
    /// wrote one since this turn read none, or the address no longer belongs to <paramref name="personId"/>.
    /// </summary>
    public async Task<ConversationRecord?> TryInsertAsync(DbTransaction transaction, ChannelUser user, Guid? personId, string stateJson, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var command = Prepare(ref _insert, transaction,
            $"""
            INSERT INTO conversations ("Channel", "Address", "PersonId", "StateJson", "Version", "UpdatedAt")
            SELECT @channel, @address, @person, @state, 1, @now WHERE {PersonUnchanged}
            ON CONFLICT ("Channel", "Address") DO NOTHING RETURNING "Id"
            """,
            "@channel", "@address", "@person", "@state", "@now");
        Set(command, user.Channel, user.Address, PersonId(personId), stateJson, now.UtcTicks);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is { } id and not DBNull
            ? Written(Convert.ToInt64(id, CultureInfo.InvariantCulture), user.Channel, user.Address, personId, stateJson, 1, now)
            : null;
    }

    /// <summary>
    /// Writes the new state over the version that was read, and gives back the row as written.
    /// Null when the row is no longer that version (anybody's write in between, or the row deleted
    /// since: the caller tells which), or the address no longer belongs to <paramref name="personId"/>.
    /// </summary>
    public async Task<ConversationRecord?> TryUpdateAsync(DbTransaction transaction, ConversationRecord read, Guid? personId, string stateJson, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var command = Prepare(ref _update, transaction,
            $"""
            UPDATE conversations SET "StateJson" = @state, "PersonId" = @person, "Version" = @next, "UpdatedAt" = @now
            WHERE "Id" = @id AND "Version" = @version AND {PersonUnchanged}
            """,
            "@state", "@person", "@next", "@now", "@id", "@version", "@channel", "@address");
        Set(command, stateJson, PersonId(personId), read.Version + 1, now.UtcTicks, read.Id, read.Version, read.Channel, read.Address);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1
            ? Written(read.Id, read.Channel, read.Address, personId, stateJson, read.Version + 1, now)
            : null;
    }

    /// <summary>
    /// Deletes the row of someone who belongs to nobody if it is still the version that was read
    /// and the address still belongs to nobody; false otherwise, as <see cref="TryUpdateAsync"/>.
    /// </summary>
    public async Task<bool> TryDeleteAsync(DbTransaction transaction, ConversationRecord read, CancellationToken cancellationToken)
    {
        var command = Prepare(ref _delete, transaction,
            $"""DELETE FROM conversations WHERE "Id" = @id AND "Version" = @version AND {PersonUnchanged}""",
            "@id", "@version", "@channel", "@address", "@person");
        Set(command, read.Id, read.Version, read.Channel, read.Address, DBNull.Value);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private static ConversationRecord Written(long id, string channel, string address, Guid? personId, string stateJson, long version, DateTimeOffset now) =>
        new() { Id = id, Channel = channel, Address = address, PersonId = personId, StateJson = stateJson, Version = version, UpdatedAt = now };

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
