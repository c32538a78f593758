using System.Runtime.CompilerServices;
using AsnBot.Knowledge.Conversations;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AsnBot.Conversations;

/// <summary>
/// The reads every turn makes, compiled once: a LINQ query otherwise has its expression
/// tree built, walked and looked up in the query cache on each call. Compiled per model, so
/// a process that hosts a SQLite and a PostgreSQL context never runs one's SQL on the other.
/// </summary>
internal sealed class TurnQueries
{
    private static readonly ConditionalWeakTable<IModel, TurnQueries> ByModel = [];

    public static TurnQueries For(AsnBotDbContext db) => ByModel.GetValue(db.Model, static _ => new TurnQueries());

    public Func<AsnBotDbContext, string, string, CancellationToken, Task<ConversationRecord?>> Conversation { get; } =
        EF.CompileAsyncQuery((AsnBotDbContext db, string channel, string address, CancellationToken _) =>
            db.Set<ConversationRecord>().AsNoTracking().FirstOrDefault(c => c.Channel == channel && c.Address == address));

    public Func<AsnBotDbContext, string, string, CancellationToken, Task<string?>> ConversationJson { get; } =
        EF.CompileAsyncQuery((AsnBotDbContext db, string channel, string address, CancellationToken _) =>
            db.Set<ConversationRecord>().AsNoTracking().Where(c => c.Channel == channel && c.Address == address).Select(c => c.StateJson).FirstOrDefault());

    public Func<AsnBotDbContext, long, CancellationToken, Task<bool>> ConversationExists { get; } =
        EF.CompileAsyncQuery((AsnBotDbContext db, long id, CancellationToken _) =>
            db.Set<ConversationRecord>().Any(c => c.Id == id));

    public Func<AsnBotDbContext, string, string, CancellationToken, Task<Guid?>> PersonId { get; } =
        EF.CompileAsyncQuery((AsnBotDbContext db, string channel, string address, CancellationToken _) =>
            db.Set<ChannelAccount>().Where(c => c.Channel == channel && c.Address == address).Select(c => (Guid?)c.PersonId).FirstOrDefault());
}
