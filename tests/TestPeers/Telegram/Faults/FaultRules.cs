namespace AsnBot.TestPeers.Telegram;

/// <summary>
/// The set of fault-injection rules, consulted for every Bot API call in the order the rules were added.
/// All matching delay rules add up; the first matching failure rule wins.
/// </summary>
internal sealed class FaultRules
{
    private readonly Lock _gate = new();
    private readonly List<FaultRule> _rules = [];

    public FaultRule Add(FaultRule rule)
    {
        lock (_gate)
        {
            _rules.Add(rule);
        }

        return rule;
    }

    public void Clear()
    {
        lock (_gate)
        {
            foreach (var rule in _rules)
            {
                rule.Remove();
            }

            _rules.Clear();
        }
    }

    public FaultDecision Decide(string method, long? chatId)
    {
        lock (_gate)
        {
            var delay = TimeSpan.Zero;
            FaultAction? failure = null;
            foreach (var rule in _rules)
            {
                if (!rule.DelaysOnly && failure is not null)
                {
                    continue;
                }

                switch (rule.TryApply(method, chatId))
                {
                    case FaultAction.Delay slow:
                        delay += slow.Duration;
                        break;
                    case { } action:
                        failure = action;
                        break;
                }
            }

            _rules.RemoveAll(rule => !rule.IsActive);
            return new FaultDecision(delay, failure);
        }
    }

    /// <summary>A rule that fails matching calls with a probability, choosing the failure by weighted draw.</summary>
    public static FaultRule Probabilistic(double probability, int seed, RandomFaultMix mix, string? method)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(probability);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(probability, 1.0);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(mix.TotalWeight);

        // Seeded so a failing run can be replayed exactly; only drawn under the rule set's lock.
        var random = new Random(seed);
        return new FaultRule(method, chatId: null, uses: null, delaysOnly: false, decide: () =>
        {
            if (random.NextDouble() >= probability)
            {
                return null;
            }

            var pick = random.Next(mix.TotalWeight);
            if (pick < mix.TooManyRequests)
            {
                return FaultAction.Failure(429, mix.RetryAfterSeconds);
            }

            return pick < mix.TooManyRequests + mix.ServerError ? FaultAction.Failure(500) : new FaultAction.Hang();
        });
    }
}

/// <summary>The combined effect of the fault rules on one call.</summary>
internal sealed record FaultDecision(TimeSpan Delay, FaultAction? Failure);
