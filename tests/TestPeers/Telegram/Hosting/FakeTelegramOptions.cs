namespace AsnBot.TestPeers.Telegram;

/// <summary>Identity and timing settings of a <see cref="FakeTelegramServer"/>; the defaults suit most tests.</summary>
public sealed class FakeTelegramOptions
{
    public long BotId { get; init; } = 7_100_000_001;

    /// <summary>The part of the token after the colon; Telegram's are 35 characters of [A-Za-z0-9_-].</summary>
    public string TokenSecret { get; init; } = "AAFakeTgTokenForAsnBotLoopbackTests";

    public string BotUsername { get; init; } = "asnbot_test_bot";

    public string BotFirstName { get; init; } = "AsnBot Test";

    /// <summary>Update ids start here; far from user and message ids so a mix-up between them shows.</summary>
    public long FirstUpdateId { get; init; } = 800_000_001;

    /// <summary>Retries after a failed webhook delivery before the update is dropped.</summary>
    public int WebhookRetryCount { get; init; } = 3;

    /// <summary>Wait before the first retry; each further retry waits this much longer.</summary>
    public TimeSpan WebhookRetryDelay { get; init; } = TimeSpan.FromMilliseconds(50);

    public TimeSpan WebhookTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a hang fault holds a request before dropping the connection, unless the client gives up first.</summary>
    public TimeSpan HangDuration { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The clock behind message and callback dates. Waits and call timestamps always use real time.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
