namespace AsnBot.TestPeers.Telegram;

/// <summary>
/// One active fault-injection rule. Keep the instance to see how often it fired or to
/// <see cref="Remove"/> it early; rules with a use limit retire themselves once used up.
/// </summary>
public sealed class FaultRule
{
    private readonly Func<FaultAction?> _decide;
    private int? _remainingUses;
    private int _timesApplied;
    private volatile bool _removed;

    internal FaultRule(string? method, long? chatId, int? uses, bool delaysOnly, Func<FaultAction?> decide)
    {
        Method = method;
        ChatId = chatId;
        _remainingUses = uses;
        DelaysOnly = delaysOnly;
        _decide = decide;
    }

    /// <summary>The method the rule applies to, or null for every method.</summary>
    public string? Method { get; }

    /// <summary>The chat the rule applies to (calls whose <c>chat_id</c> matches), or null for every call.</summary>
    public long? ChatId { get; }

    public int TimesApplied => Volatile.Read(ref _timesApplied);

    public bool IsActive => !_removed && _remainingUses is not <= 0;

    /// <summary>Delay rules stack with each other and with one failure; failure rules are exclusive.</summary>
    internal bool DelaysOnly { get; }

    public void Remove() => _removed = true;

    /// <summary>Decides this rule's effect on a call; called under the rule set's lock.</summary>
    internal FaultAction? TryApply(string method, long? chatId)
    {
        if (!IsActive
            || (Method is not null && !string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
            || (ChatId is not null && ChatId != chatId))
        {
            return null;
        }

        var action = _decide();
        if (action is not null)
        {
            _remainingUses--;
            Interlocked.Increment(ref _timesApplied);
        }

        return action;
    }
}
