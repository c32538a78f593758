namespace AsnBot.Delivery;

/// <summary>Exponential back-off with jitter, so failed sends of many rows do not retry in step.</summary>
public static class RetryDelay
{
    private static readonly TimeSpan Cap = TimeSpan.FromHours(1);

    public static TimeSpan After(int attempts, TimeSpan baseDelay, Random? random = null)
    {
        var exponential = baseDelay * Math.Pow(2, Math.Max(0, attempts - 1));
        var capped = exponential > Cap ? Cap : exponential;
        return capped * (0.5 + (random ?? Random.Shared).NextDouble());
    }
}
