using System.Globalization;

namespace AsnBot.Knowledge.Content;

/// <summary>Fills the <c>{name}</c> placeholders of a sentence from data/, each value written the same way whatever the server's culture.</summary>
public static class Placeholders
{
    public static string Fill<T>(string text, params ReadOnlySpan<(string Name, T Value)> values)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var (name, value) in values)
            text = text.Replace("{" + name + "}", Convert.ToString(value, CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return text;
    }
}
