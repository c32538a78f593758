using System.Text.Json.Nodes;

namespace AsnBot.TestPeers.Telegram;

/// <summary>
/// Telegram's per-bot update queue: numbers updates, keeps them until confirmed, and serves them to
/// either a getUpdates poller or the webhook sender. <see cref="Changed"/> pulses on every change.
/// </summary>
internal sealed class UpdateQueue(long firstUpdateId)
{
    private readonly Lock _gate = new();
    private readonly List<PendingUpdate> _pending = [];
    private readonly Dictionary<long, StoredUpdate> _history = [];
    private long _lastUpdateId = firstUpdateId - 1;

    /// <summary>Pulses when updates are added, for whoever delivers them.</summary>
    public AsyncSignal Changed { get; } = new();

    /// <summary>
    /// Pulses when updates leave the queue (confirmed, delivered, dropped). Kept apart from <see cref="Changed"/>
    /// so a poller taking a batch never wakes itself.
    /// </summary>
    public AsyncSignal Drained { get; } = new();

    public AllowedUpdates Allowed { get; } = new();

    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>
    /// Numbers and queues an update of the given kind. Returns null when <c>allowed_updates</c> excludes the kind:
    /// Telegram then never creates the update, so it never gets an id.
    /// </summary>
    public long? Enqueue(string type, JsonNode payload) => EnqueueRaw(new JsonObject { [type] = payload });

    /// <summary>Queues an arbitrary update object; any <c>update_id</c> it carries is replaced by the next one.</summary>
    public long? EnqueueRaw(JsonObject update)
    {
        update.Remove("update_id");
        var type = update.Select(property => property.Key).FirstOrDefault()
            ?? throw new ArgumentException("An update needs one field besides update_id.", nameof(update));
        if (!Allowed.Allows(type))
        {
            return null;
        }

        long id;
        lock (_gate)
        {
            id = ++_lastUpdateId;
            var numbered = new JsonObject { ["update_id"] = id };
            foreach (var (name, value) in update.ToList())
            {
                update.Remove(name);
                numbered[name] = value;
            }

            var stored = new StoredUpdate(id, type, numbered.ToJsonString());
            _history[id] = stored;
            _pending.Add(new PendingUpdate(stored, isRedelivery: false));
        }

        Changed.Pulse();
        return id;
    }

    /// <summary>Queues an already created update again with the same id, as Telegram does after a lost confirmation.</summary>
    public void Redeliver(long updateId)
    {
        lock (_gate)
        {
            if (!_history.TryGetValue(updateId, out var stored))
            {
                throw new InvalidOperationException($"No update {updateId} was ever created.");
            }

            _pending.Add(new PendingUpdate(stored, isRedelivery: true));
        }

        Changed.Pulse();
    }

    /// <summary>
    /// getUpdates' <c>offset</c>: a positive one confirms (drops) every update below it; a negative one keeps only
    /// the last -offset updates and forgets the rest.
    /// </summary>
    public void ApplyOffset(long offset)
    {
        lock (_gate)
        {
            if (offset > 0)
            {
                _pending.RemoveAll(pending => !pending.IsRedelivery && pending.Update.UpdateId < offset);
            }
            else if (offset < 0 && _pending.Count > -offset)
            {
                _pending.RemoveRange(0, _pending.Count - (int)Math.Min(-offset, int.MaxValue));
            }
        }

        Drained.Pulse();
    }

    /// <summary>
    /// The next batch for a poller. Unconfirmed updates stay queued and come again until an offset confirms them;
    /// redeliveries come first, alone, and leave the queue once handed out.
    /// </summary>
    public IReadOnlyList<StoredUpdate> TakeBatch(int limit)
    {
        List<PendingUpdate> redeliveries;
        lock (_gate)
        {
            redeliveries = [.. _pending.Where(pending => pending.IsRedelivery).Take(limit)];
            if (redeliveries.Count == 0)
            {
                return [.. _pending.Take(limit).Select(pending => pending.Update)];
            }

            _pending.RemoveAll(redeliveries.Contains);
        }

        Drained.Pulse();
        return [.. redeliveries.Select(pending => pending.Update)];
    }

    /// <summary>The next update for the webhook sender, which removes it with <see cref="Remove"/> once done with it.</summary>
    public PendingUpdate? PeekNext()
    {
        lock (_gate)
        {
            return _pending.FirstOrDefault(pending => pending.IsRedelivery) ?? _pending.FirstOrDefault();
        }
    }

    public void Remove(PendingUpdate pending)
    {
        lock (_gate)
        {
            _pending.Remove(pending);
        }

        Drained.Pulse();
    }

    /// <summary><c>drop_pending_updates</c>: forget everything not yet delivered.</summary>
    public void DropPending()
    {
        lock (_gate)
        {
            _pending.Clear();
        }

        Drained.Pulse();
    }
}
