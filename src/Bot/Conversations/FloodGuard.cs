using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AsnBot.Conversations;

public sealed class FloodOptions
{
    public const string Section = "Flood";

    [Range(1, 10_000)]
    public int MaxMessages { get; set; } = 20;

    [Range(1, 3_600)]
    public int WindowSeconds { get; set; } = 10;
}

public enum FloodVerdict
{
    Allowed,

    /// <summary>The first message over the limit: the person is asked, once, to slow down.</summary>
    WarnOnce,

    /// <summary>Still over the limit: dropped silently, so a flood is not answered with a flood.</summary>
    Drop,
}

/// <summary>
/// Per-person flood protection (a fixed window per channel address), in memory of this
/// instance: it protects the database and the platforms from one runaway client or script.
/// </summary>
public sealed class FloodGuard(IOptions<FloodOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<ChannelUser, Window> _windows = new();
    private long _checks;

    public FloodVerdict Check(ChannelUser user)
    {
        var settings = options.Value;
        var now = time.GetTimestamp();
        var length = TimeSpan.FromSeconds(settings.WindowSeconds);
        var window = _windows.AddOrUpdate(
            user,
            _ => new Window(now, 1),
            (_, current) => time.GetElapsedTime(current.Start, now) >= length ? new Window(now, 1) : current with { Count = current.Count + 1 });
        if (Interlocked.Increment(ref _checks) % 10_000 == 0)
            Prune(now, length);
        return window.Count <= settings.MaxMessages ? FloodVerdict.Allowed
            : window.Count == settings.MaxMessages + 1 ? FloodVerdict.WarnOnce
            : FloodVerdict.Drop;
    }

    private void Prune(long now, TimeSpan length)
    {
        foreach (var (user, window) in _windows)
        {
            if (time.GetElapsedTime(window.Start, now) >= length)
                _windows.TryRemove(KeyValuePair.Create(user, window));
        }
    }

    private sealed record Window(long Start, int Count);
}
