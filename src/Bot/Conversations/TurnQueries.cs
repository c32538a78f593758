using System.Data.Common;
using System.Runtime.CompilerServices;
using AsnBot.Knowledge.Conversations;
using AsnBot.Knowledge.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AsnBot.Conversations;

/// <summary>What a turn starts from: the saved conversation (null before the first) and the person the address belongs to.</summary>
internal sealed record TurnRead(ConversationRecord? Conversation, Guid? PersonId);

/// <summary>
/// The reads a turn makes. The conversation and the person come back from one statement on the
/// turn's connection and transaction: as two EF Core queries they cost a turn two round trips
/// through EF's query pipeline, diagnostics and shaper, for two rows whose shape never varies
/// (measured by the telegram-webhook bench). The SQL is the same on SQLite and PostgreSQL.
/// </summary>
internal static class TurnQueries
{
    private const string ReadSql = """
        SELECT c."Id", c."Version", c."StateJson", a."PersonId"
        FROM (SELECT 1 AS "One") AS k
        LEFT JOIN conversations AS c ON c."Channel" = @channel AND c."Address" = @address
        LEFT JOIN channel_accounts AS a ON a."Channel" = @channel AND a."Address" = @address
        """;

    private static readonly ConditionalWeakTable<IModel, CompiledReads> ByModel = [];

    public static async Task<TurnRead> ReadAsync(DbTransaction transaction, ChannelUser user, CancellationToken cancellationToken)
    {
        await using var command = TurnCommand.Create(transaction, ReadSql);
        TurnCommand.Add(command, "@channel", user.Channel);
        TurnCommand.Add(command, "@address", user.Address);
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

    /// <summary>The saved state alone, outside any turn: for looking at the question a person waits on.</summary>
    public static Task<string?> ConversationJsonAsync(AsnBotDbContext db, ChannelUser user, CancellationToken cancellationToken) =>
        For(db).ConversationJson(db, user.Channel, user.Address, cancellationToken);

    /// <summary>Asked only when a write found the row changed after actions ran: one of them may have deleted it (erasing the person's data).</summary>
    public static Task<bool> ConversationExistsAsync(AsnBotDbContext db, long id, CancellationToken cancellationToken) =>
        For(db).ConversationExists(db, id, cancellationToken);

    private static CompiledReads For(AsnBotDbContext db) => ByModel.GetValue(db.Model, static _ => new CompiledReads());

    /// <summary>Compiled per model, so a process that hosts a SQLite and a PostgreSQL context never runs one's SQL on the other.</summary>
    private sealed class CompiledReads
    {
        public Func<AsnBotDbContext, string, string, CancellationToken, Task<string?>> ConversationJson { get; } =
            EF.CompileAsyncQuery((AsnBotDbContext db, string channel, string address, CancellationToken _) =>
                db.Set<ConversationRecord>().AsNoTracking().Where(c => c.Channel == channel && c.Address == address).Select(c => c.StateJson).FirstOrDefault());

        public Func<AsnBotDbContext, long, CancellationToken, Task<bool>> ConversationExists { get; } =
            EF.CompileAsyncQuery((AsnBotDbContext db, long id, CancellationToken _) =>
                db.Set<ConversationRecord>().Any(c => c.Id == id));
    }
}
