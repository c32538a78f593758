using AsnBot.Knowledge.Conversations;
using AsnBot.Knowledge.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Conversations;

/// <summary>
/// The conversation reads made outside the turn's own statements (<see cref="TurnStatements"/>),
/// through EF Core: rare enough that its query pipeline costs nothing worth a statement of their own.
/// </summary>
internal static class TurnQueries
{
    private static readonly PerModel<CompiledReads> Compiled = new(() => new CompiledReads());

    /// <summary>The saved state alone, outside any turn: for looking at the question a person waits on.</summary>
    public static Task<string?> ConversationJsonAsync(AsnBotDbContext db, ChannelUser user, CancellationToken cancellationToken) =>
        For(db).ConversationJson(db, user.Channel, user.Address, cancellationToken);

    /// <summary>Asked only when a write found the row changed after actions ran: one of them may have deleted it (erasing the person's data).</summary>
    public static Task<bool> ConversationExistsAsync(AsnBotDbContext db, long id, CancellationToken cancellationToken) =>
        For(db).ConversationExists(db, id, cancellationToken);

    private static CompiledReads For(AsnBotDbContext db) => Compiled.For(db);

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
