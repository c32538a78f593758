using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace AsnBot.Conversations.Dialogs;

/// <summary>
/// One comparison on an earlier answer: <c>consent == ya</c>, <c>rating &gt;= 3</c>,
/// <c>channel in [telegram, teams]</c>. Deliberately no more: real logic belongs in actions.
/// </summary>
public sealed partial record Condition(string Key, string Operator, ImmutableArray<string> Values)
{
    [GeneratedRegex(@"^\s*(?<key>[A-Za-z0-9_.\-]+)\s*(?<op>==|!=|>=|<=|>|<|in)\s*(?<value>.+?)\s*$")]
    private static partial Regex Syntax();

    public static bool TryParse(string text, out Condition? condition)
    {
        condition = null;
        var match = Syntax().Match(text ?? string.Empty);
        if (!match.Success)
            return false;
        var op = match.Groups["op"].Value;
        var raw = match.Groups["value"].Value;
        ImmutableArray<string> values;
        if (op == "in")
        {
            if (!raw.StartsWith('[') || !raw.EndsWith(']'))
                return false;
            values = [.. raw[1..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Unquote)];
        }
        else
        {
            values = [Unquote(raw)];
        }
        if (op is ">" or "<" or ">=" or "<=" && !decimal.TryParse(values[0], NumberStyles.Number, CultureInfo.InvariantCulture, out _))
            return false;
        condition = new Condition(match.Groups["key"].Value, op, values);
        return true;
    }

    public bool IsMetBy(IReadOnlyDictionary<string, string> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        answers.TryGetValue(Key, out var answer);
        return Operator switch
        {
            "==" => string.Equals(answer, Values[0], StringComparison.OrdinalIgnoreCase),
            "!=" => !string.Equals(answer, Values[0], StringComparison.OrdinalIgnoreCase),
            "in" => answer is not null && Values.Contains(answer, StringComparer.OrdinalIgnoreCase),
            _ => Compare(answer),
        };
    }

    private bool Compare(string? answer)
    {
        if (!decimal.TryParse(answer, NumberStyles.Number, CultureInfo.InvariantCulture, out var left))
            return false;
        var right = decimal.Parse(Values[0], CultureInfo.InvariantCulture);
        return Operator switch
        {
            ">" => left > right,
            "<" => left < right,
            ">=" => left >= right,
            _ => left <= right,
        };
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0] ? value[1..^1] : value;
}
