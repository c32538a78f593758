using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace AsnBot.Conversations.Engine;

/// <summary>Fills <c>{answer-key}</c> in dialog texts, showing a choice's label rather than its value.</summary>
public static partial class TextTemplate
{
    [GeneratedRegex(@"\{(?<key>[A-Za-z0-9_.\-]+)\}")]
    private static partial Regex Placeholder();

    public static string Fill(string text, ImmutableDictionary<string, string> answers)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(answers);
        return Placeholder().Replace(text, match =>
        {
            var key = match.Groups["key"].Value;
            if (answers.TryGetValue(key + ":label", out var label))
                return label;
            return answers.TryGetValue(key, out var value) ? value : "-";
        });
    }
}
