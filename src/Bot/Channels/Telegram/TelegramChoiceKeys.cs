using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AsnBot.Conversations.Engine;

namespace AsnBot.Channels.Telegram;

/// <summary>
/// callback_data for inline buttons: "{prompt tag}:{option index}", a few bytes whatever the
/// labels and values. The tag is a hash of the question as asked (text and choices), so a press
/// is resolved against the question the person is waiting on now: a button of an older
/// question, or of anything else, does not match and is answered politely instead.
/// </summary>
public static class TelegramChoiceKeys
{
    private const int TagLength = 8;

    public static string For(Reply prompt, int index) => Tag(prompt) + ":" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The option the press stands for, or null when the key does not belong to <paramref name="current"/>.</summary>
    public static ReplyChoice? Resolve(string? callbackData, Reply? current)
    {
        if (current is null || current.Choices.IsEmpty || callbackData is null)
            return null;
        var colon = callbackData.IndexOf(':', StringComparison.Ordinal);
        if (colon != TagLength
            || !int.TryParse(callbackData.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || index >= current.Choices.Count
            || !string.Equals(callbackData[..colon], Tag(current), StringComparison.Ordinal))
            return null;
        return current.Choices[index];
    }

    private static string Tag(Reply prompt)
    {
        var text = new StringBuilder(prompt.Text);
        foreach (var choice in prompt.Choices)
            text.Append('\u001f').Append(choice.Label).Append('\u001e').Append(choice.Value);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return Convert.ToBase64String(hash, 0, 6).Replace('+', '-').Replace('/', '_');
    }
}
