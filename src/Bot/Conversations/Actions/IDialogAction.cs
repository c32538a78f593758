using AsnBot.Conversations.Dialogs;
using AsnBot.Conversations.Engine;
using AsnBot.Knowledge.Persistence;

namespace AsnBot.Conversations.Actions;

/// <summary>
/// A named domain operation a dialog can call with an <c>action</c> step. It works inside
/// the turn's transaction: whatever it writes is saved together with the conversation state.
/// </summary>
public interface IDialogAction
{
    string Name { get; }

    /// <summary>
    /// True for an action that writes nothing: it only reads, or only works out answers. A turn
    /// whose actions all say so runs before it reaches the database's writer and commits with
    /// other turns (see <see cref="TurnStore"/>), as a turn without actions does; anything it
    /// left to save would be an error. False unless the action says so.
    /// </summary>
    bool ReadsOnly => false;

    Task<ActionOutcome> RunAsync(ActionContext context, CancellationToken cancellationToken);
}

/// <summary>
/// What an action works with. <see cref="Db"/> is made on first use: many actions only work out
/// answers and never touch the database.
/// </summary>
public sealed class ActionContext(ChannelUser user, Guid? personId, PendingAction request, Func<AsnBotDbContext> db, DialogSet dialogs, DateTimeOffset now)
{
    private AsnBotDbContext? _db;

    public ChannelUser User { get; } = user;

    /// <summary>The person behind the channel address; actions that register or delete change it.</summary>
    public Guid? PersonId { get; set; } = personId;

    public PendingAction Request { get; } = request;
    public AsnBotDbContext Db => _db ??= db();
    public DialogSet Dialogs { get; } = dialogs;
    public DateTimeOffset Now { get; } = now;

    public string Answer(string key) => Request.Answers.TryGetValue(key, out var value) ? value : string.Empty;

    public string Arg(string key) => Request.Args.TryGetValue(key, out var value) ? value : string.Empty;
}
