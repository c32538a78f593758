namespace AsnBot.TestPeers.Telegram;

/// <summary>How many matching calls arrived within one wall-clock second.</summary>
public sealed record RateBucket(DateTime SecondUtc, int Count);
