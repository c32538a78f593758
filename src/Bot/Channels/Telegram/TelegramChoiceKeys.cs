using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AsnBot.Conversations.Engine;
using AsnBot.Knowledge.Outbox;

namespace AsnBot.Channels.Telegram;

/// <summary>
/// callback_data for inline buttons: "{prompt tag}:{option index}", a few bytes whatever the
/// labels and values. The tag is a hash of the question as asked (text and choices), so a press
/// is resolved against the question the person is waiting on now: a button of an older
/// question, or of anything else, does not match and is answered politely instead. A broadcast's
/// buttons are the exception: they carry their own value.
/// </summary>
public static class TelegramChoiceKeys
{
    private const int TagLength = 8;

    public static string For(Reply prompt, int index) => For(prompt)[index];

    /// <summary>The keys of all of <paramref name="prompt"/>'s options, in order; the question is hashed once for them all.</summary>
    public static string[] For(Reply prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var keys = new string[prompt.Choices.Count];
        string? tag = null;
        for (var index = 0; index < keys.Length; index++)
        {
            var value = prompt.Choices[index].Value;
            keys[index] = IsStandalone(value) ? value : (tag ??= Tag(prompt)) + ":" + index.ToString(CultureInfo.InvariantCulture);
        }
        return keys;
    }

    /// <summary>
    /// A broadcast's button answers the broadcast, not a question the person waits on: its value
    /// (a few bytes, see <see cref="BroadcastMessage.ButtonValue"/>) is its own key, and a press on it
    /// goes to the engine as that value.
    /// </summary>
    public static bool IsStandalone(string? callbackData) => BroadcastMessage.TryParseButton(callbackData, out _, out _);

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
