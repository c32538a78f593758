using System.Diagnostics.CodeAnalysis;
using AsnBot.Knowledge.Conversations;

namespace AsnBot.Conversations;

/// <summary>
/// The row each recent conversation's last turn wrote, and the person it was written for, so
/// that the person's next turn starts from memory instead of a read. On SQLite that read went to
/// the file every time, since a connection's page cache is dropped whenever another connection
/// commits: a tenth of the bot's CPU per update (measured by the telegram-webhook bench).
/// <para>
/// Nothing is decided on an entry alone. A turn writes only over the version it started from and
/// while the address still belongs to the person it started with (see <see cref="TurnStatements"/>),
/// so an entry that anybody else's write has made stale (an erasure, a link made elsewhere,
/// another process on the same file) makes that turn's write miss, and the turn runs again on a
/// fresh read. A press found stale writes nothing, so it is checked on a fresh read too.
/// </para>
/// <para>
/// Bounded: entries live in two generations of at most <see cref="Capacity"/> each. Writes and
/// hits go to the newer; when it is full it becomes the older and the older is dropped, so the
/// conversations of the last few thousand people to write stay.
/// </para>
/// </summary>
internal sealed class ConversationCache
{
    public const int Capacity = 4096;

    private readonly Lock _lock = new();
    private Dictionary<ChannelUser, TurnRead> _newer = [];
    private Dictionary<ChannelUser, TurnRead> _older = [];

    /// <summary>Entries held, in both generations.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
                return _newer.Count + _older.Count;
        }
    }

    public bool TryGet(ChannelUser user, [NotNullWhen(true)] out TurnRead? read)
    {
        lock (_lock)
        {
            if (_newer.TryGetValue(user, out read))
                return true;
            if (!_older.Remove(user, out read))
                return false;
            AddToNewer(user, read);
            return true;
        }
    }

    /// <summary>
    /// Keeps the row a committed turn wrote, unless a later write of that conversation is kept
    /// already (turns of one person commit in order, yet may get here out of order). No row
    /// (the conversation deleted) forgets the conversation.
    /// </summary>
    public void Remember(ChannelUser user, ConversationRecord? written, Guid? personId)
    {
        if (written is null)
        {
            Forget(user);
            return;
        }
        lock (_lock)
        {
            var kept = _newer.TryGetValue(user, out var newer) ? newer : _older.GetValueOrDefault(user);
            if (kept?.Conversation is { } row && IsLater(row, written))
                return;
            _older.Remove(user);
            AddToNewer(user, new TurnRead(written, personId) { IsRemembered = true });
        }
    }

    public void Forget(ChannelUser user)
    {
        lock (_lock)
        {
            _newer.Remove(user);
            _older.Remove(user);
        }
    }

    /// <summary>Ids only grow (a conversation deleted and begun again is a new row), versions only grow within a row.</summary>
    private static bool IsLater(ConversationRecord kept, ConversationRecord written) =>
        kept.Id > written.Id || (kept.Id == written.Id && kept.Version >= written.Version);

    private void AddToNewer(ChannelUser user, TurnRead read)
    {
        if (_newer.Count >= Capacity && !_newer.ContainsKey(user))
        {
            _older = _newer;
            _newer = new Dictionary<ChannelUser, TurnRead>(Capacity);
        }
        _newer[user] = read;
    }
}
