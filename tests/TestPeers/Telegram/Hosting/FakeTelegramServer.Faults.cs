namespace AsnBot.TestPeers.Telegram;

/// <summary>
/// Fault injection. Rules apply in the order added; a <c>method</c> of null means every method.
/// Each returns the <see cref="FaultRule"/>, which can be removed early and tells how often it fired.
/// </summary>
public sealed partial class FakeTelegramServer
{
    /// <summary>
    /// Fails the next <paramref name="times"/> calls of a method with an error code, once
    /// <paramref name="after"/> calls of it have gone through. 429 answers carry
    /// <c>retry_after</c> (default 1) and Telegram's "Too Many Requests: retry after N" text.
    /// </summary>
    public FaultRule FailNext(string method, int errorCode, int? retryAfter = null, string? description = null, int times = 1, int after = 0)
    {
        var failure = FaultAction.Failure(errorCode, retryAfter, description);
        // Decided under the rule set's lock, so a plain count is safe; a call let through uses none of the rule's times.
        var passed = 0;
        return _state.Faults.Add(new FaultRule(method, null, times, delaysOnly: false, () => passed++ < after ? null : failure));
    }

    /// <summary>Fails every call of a method (or of all methods) until the rule is removed.</summary>
    public FaultRule FailAlways(string? method, int errorCode, int? retryAfter = null, string? description = null) =>
        AddFailure(method, chatId: null, uses: null, errorCode, retryAfter, description);

    /// <summary>The user of this chat blocked the bot: every call addressed to the chat gets 403 "Forbidden: bot was blocked by the user".</summary>
    public FaultRule BlockChat(long chatId) =>
        _state.Faults.Add(new FaultRule(null, chatId, uses: null, delaysOnly: false, () => new FaultAction.Fail(BotApiErrors.BotBlocked())));

    /// <summary>Answers calls only after <paramref name="delay"/>, for all calls or the next <paramref name="times"/>.</summary>
    public FaultRule DelayResponses(string? method, TimeSpan delay, int? times = null) =>
        _state.Faults.Add(new FaultRule(method, null, times, delaysOnly: true, () => new FaultAction.Delay(delay)));

    /// <summary>Never answers the next calls of a method, so the client's own timeout fires.</summary>
    public FaultRule HangNext(string method, int times = 1) =>
        _state.Faults.Add(new FaultRule(method, null, times, delaysOnly: false, () => new FaultAction.Hang()));

    /// <summary>
    /// Fails a fraction of calls, picking 429, 500 or a hang by <paramref name="mix"/>'s weights.
    /// The same <paramref name="seed"/> fails the same calls in the same way on every run.
    /// </summary>
    public FaultRule FailRandomly(double probability, int seed, RandomFaultMix? mix = null, string? method = null) =>
        _state.Faults.Add(FaultRules.Probabilistic(probability, seed, mix ?? new RandomFaultMix(), method));

    public void ClearFaults() => _state.Faults.Clear();

    private FaultRule AddFailure(string? method, long? chatId, int? uses, int errorCode, int? retryAfter, string? description)
    {
        var failure = FaultAction.Failure(errorCode, retryAfter, description);
        return _state.Faults.Add(new FaultRule(method, chatId, uses, delaysOnly: false, () => failure));
    }
}
