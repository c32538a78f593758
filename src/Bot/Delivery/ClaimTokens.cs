using System.Collections.Concurrent;
using System.Globalization;

namespace AsnBot.Delivery;

/// <summary>
/// One claim token per dispatch round (<c>{process}:{round}</c>), live from the claim until its
/// outcomes are recorded. Recovery takes back expired rows under any token not live here.
/// </summary>
public sealed class ClaimTokens(string owner)
{
    private readonly ConcurrentDictionary<string, byte> _live = new(StringComparer.Ordinal);
    private long _rounds;

    public string Owner => owner;

    public IReadOnlyCollection<string> Live => [.. _live.Keys];

    public string Issue()
    {
        var token = owner + ":" + Interlocked.Increment(ref _rounds).ToString(CultureInfo.InvariantCulture);
        _live[token] = 0;
        return token;
    }

    public void Release(string token) => _live.TryRemove(token, out _);
}
