namespace AsnBot.Delivery;

/// <summary>Settings of the outbox dispatcher (<c>Delivery</c> section).</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>Off: nothing is sent from the outbox by this process (rows wait for one that sends).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Most rows one channel claims per round; rate-limited channels claim about one second's worth.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>How long an idle channel waits before looking for due rows again.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A row in 'sending' longer than this belongs to a dead process and is sent again.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Failed sends are retried up to this many attempts in all, then the row is failed.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First retry delay after a failure; doubled per attempt, with jitter, capped at an hour.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Sends in flight at once per channel (HTTP round trips overlap; the rate limit still holds).</summary>
    public int MaxConcurrentSends { get; set; } = 16;

    public ChannelLimits Telegram { get; set; } = new() { MessagesPerSecond = 30, PerAddress = "1/1s" };
    public ChannelLimits Teams { get; set; } = new() { MessagesPerSecond = 50, PerAddress = "7/1s,8/2s,60/30s,1800/3600s" };
    public ChannelLimits Web { get; set; } = new() { MessagesPerSecond = 0, PerAddress = "" };

    public ChannelLimits For(string channel) => channel switch
    {
        "telegram" => Telegram,
        "teams" => Teams,
        "web" => Web,
        _ => new ChannelLimits(),
    };

    /// <summary>The first problem with these settings as a sentence naming the key, or null.</summary>
    public string? Problem()
    {
        if (BatchSize is < 1 or > 10_000)
            return "Delivery:BatchSize must be between 1 and 10000.";
        if (PollInterval <= TimeSpan.Zero)
            return "Delivery:PollInterval must be positive, e.g. 00:00:01.";
        if (ClaimLease < TimeSpan.FromSeconds(1))
            return "Delivery:ClaimLease must be at least one second.";
        if (MaxAttempts < 1)
            return "Delivery:MaxAttempts must be at least 1.";
        if (MaxConcurrentSends < 1)
            return "Delivery:MaxConcurrentSends must be at least 1.";
        foreach (var (name, limits) in new[] { ("Telegram", Telegram), ("Teams", Teams), ("Web", Web) })
        {
            if (limits.MessagesPerSecond < 0)
                return $"Delivery:{name}:MessagesPerSecond must be 0 (no limit) or more.";
            if (AddressLimit.TryParseList(limits.PerAddress, out _) is false)
                return $"Delivery:{name}:PerAddress must look like \"7/1s,60/30s\" (messages per window), or be empty.";
        }
        return null;
    }
}

/// <summary>A channel's limits: overall messages per second (0 = none) and per-address windows.</summary>
public sealed class ChannelLimits
{
    public double MessagesPerSecond { get; set; }
    public string PerAddress { get; set; } = "";
}
