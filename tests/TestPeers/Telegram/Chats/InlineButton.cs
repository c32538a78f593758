namespace AsnBot.TestPeers.Telegram;

/// <summary>One inline keyboard button as the bot sent it; <see cref="CallbackData"/> is what a press sends back.</summary>
public sealed record InlineButton(string Text, string? CallbackData, string? Url);
