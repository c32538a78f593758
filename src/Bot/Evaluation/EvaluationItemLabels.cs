using System.Collections.Immutable;
using System.Text.RegularExpressions;
using AsnBot.Conversations.Dialogs;

namespace AsnBot.Evaluation;

/// <summary>
/// What an evaluation item (<c>fasilitator.penguasaan-materi</c>) is called for coordinators: the
/// question of the likert step that saves it (<c>save: item.&lt;code&gt;</c>) in the questionnaire
/// dialogs, without its "(1/10)" counter. A placeholder such as <c>{eval.subject}</c> becomes the
/// text <c>label.eval.subject</c> of dialogs/texts.yaml ("peserta"), since a report speaks of
/// every participant at once. An item no dialog asks (any more) keeps its code.
/// </summary>
public sealed partial class EvaluationItemLabels
{
    private const string ItemPrefix = "item.";
    private readonly ImmutableDictionary<string, string> _labels;

    public EvaluationItemLabels(DialogSet dialogs)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        var labels = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var step in dialogs.Dialogs.Values.OrderBy(d => d.Id, StringComparer.Ordinal).SelectMany(d => d.Steps))
        {
            if (step is { Kind: StepKind.Likert, Save: { } save, Text: { } text } && save.StartsWith(ItemPrefix, StringComparison.Ordinal))
                labels.TryAdd(save[ItemPrefix.Length..], Label(text, dialogs.Texts));
        }
        _labels = labels.ToImmutable();
    }

    public string this[string item] => _labels.TryGetValue(item, out var label) ? label : item;

    private static string Label(string question, EngineTexts texts)
    {
        var withoutCounter = Counter().Replace(question.Trim(), "");
        return Placeholder().Replace(withoutCounter, m => texts.Values.TryGetValue("label." + m.Groups[1].Value, out var word) ? word : m.Value);
    }

    [GeneratedRegex(@"^\(\d+/\d+\)\s*")]
    private static partial Regex Counter();

    [GeneratedRegex(@"\{([a-z0-9_.:-]+)\}", RegexOptions.IgnoreCase)]
    private static partial Regex Placeholder();
}
