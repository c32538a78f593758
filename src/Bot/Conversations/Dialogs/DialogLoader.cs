using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AsnBot.Conversations.Dialogs;

/// <summary>
/// Reads dialog files into <see cref="Dialog"/> records, keeping the line of every step
/// and option so the validator can point at the exact place of a mistake. Shape problems
/// (a missing field, a wrong type, an unknown key) are collected here; cross-references
/// are checked by <see cref="DialogValidator"/>.
/// </summary>
public sealed class DialogLoader
{
    private static readonly ImmutableHashSet<string> StepKeys =
    [
        "id", "kind", "text", "save", "next", "dialog", "options", "scale", "na", "pattern", "hint", "max_length",
        "min", "max", "correct", "explanation", "cases", "else", "action", "args", "resting",
    ];

    private readonly List<DialogError> _errors = [];
    private string _file = "";

    public IReadOnlyList<DialogError> Errors => _errors;

    /// <summary>Loads every <c>*.yaml</c> below the folder; file names in errors are relative to it.</summary>
    public (IReadOnlyList<Dialog> Dialogs, EngineTexts? Texts) LoadFolder(string folder)
    {
        var dialogs = new List<Dialog>();
        EngineTexts? texts = null;
        if (!Directory.Exists(folder))
        {
            _errors.Add(new DialogError(folder, 0, "folder not found"));
            return (dialogs, texts);
        }
        var files = Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal);
        foreach (var path in files)
        {
            var name = Path.GetRelativePath(folder, path).Replace('\\', '/');
            var (dialog, fileTexts) = Load(name, File.ReadAllText(path));
            if (dialog is not null)
                dialogs.Add(dialog);
            if (fileTexts is not null)
                texts = texts is null ? fileTexts : texts with { Values = texts.Values.SetItems(fileTexts.Values) };
        }
        return (dialogs, texts);
    }

    public (Dialog? Dialog, EngineTexts? Texts) Load(string file, string yaml)
    {
        _file = file;
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            Error((int)e.Start.Line, $"not valid YAML: {e.Message}");
            return (null, null);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            Error(1, "expected a mapping with 'id', 'title' and 'steps' (or 'texts')");
            return (null, null);
        }
        if (Child(root, "texts") is { } textsNode)
            return (null, ReadTexts(textsNode));
        // A learning module's description (title, lesson order) sits beside its lesson dialogs;
        // it is read by the learning feature, not run as a dialog.
        if (Child(root, "module") is not null)
            return (null, null);
        return (ReadDialog(root), null);
    }

    private EngineTexts? ReadTexts(YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            Error(Line(node), "'texts' must be a mapping of key: text");
            return null;
        }
        var values = ImmutableDictionary.CreateBuilder<string, string>();
        foreach (var (key, value) in map.Children)
        {
            if (value is YamlScalarNode { Value: { } text })
                values[Scalar(key) ?? ""] = text.TrimEnd();
            else
                Error(Line(value), $"text '{Scalar(key)}' must be a string");
        }
        return new EngineTexts(values.ToImmutable(), _file);
    }

    private Dialog? ReadDialog(YamlMappingNode root)
    {
        var id = RequiredString(root, "id", "dialog");
        var title = RequiredString(root, "title", "dialog");
        if (Child(root, "steps") is not YamlSequenceNode stepsNode || stepsNode.Children.Count == 0)
        {
            Error(Line(root), "dialog has no 'steps' (a list with at least one step)");
            return null;
        }
        var steps = stepsNode.Children.Select(ReadStep).OfType<Step>().ToImmutableArray();
        return id is null || title is null || steps.Length == 0 ? null : new Dialog(id, title, _file, steps);
    }

    private Step? ReadStep(YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            Error(Line(node), "a step must be a mapping with 'id' and 'kind'");
            return null;
        }
        var line = Line(map);
        foreach (var key in map.Children.Keys)
        {
            if (!StepKeys.Contains(Scalar(key) ?? ""))
                Error(Line(key), $"unknown field '{Scalar(key)}' in a step");
        }
        var id = RequiredString(map, "id", "step");
        var kindText = RequiredString(map, "kind", $"step '{id}'");
        if (id is null || kindText is null)
            return null;
        if (!Enum.TryParse<StepKind>(kindText, ignoreCase: true, out var kind) || !char.IsLetter(kindText[0]))
        {
            Error(Line(Child(map, "kind")!), $"step '{id}' has unknown kind '{kindText}' (known: {string.Join(", ", Enum.GetNames<StepKind>().Select(n => n.ToLowerInvariant()))})");
            return null;
        }
        return new Step
        {
            Id = id,
            Kind = kind,
            Line = line,
            Text = OptionalString(map, "text")?.TrimEnd(),
            Save = OptionalString(map, "save"),
            Next = OptionalString(map, "next"),
            Dialog = OptionalString(map, "dialog"),
            Options = ReadOptions(map),
            Scale = ReadStrings(map, "scale"),
            NotObservedLabel = OptionalString(map, "na"),
            Pattern = ReadPattern(map),
            Hint = OptionalString(map, "hint"),
            MaxLength = (int?)OptionalNumber(map, "max_length") ?? 500,
            Min = kind == StepKind.Date ? null : OptionalNumber(map, "min"),
            Max = kind == StepKind.Date ? null : OptionalNumber(map, "max"),
            MinDate = kind == StepKind.Date ? OptionalString(map, "min") : null,
            MaxDate = kind == StepKind.Date ? OptionalString(map, "max") : null,
            Correct = OptionalString(map, "correct"),
            Explanation = OptionalString(map, "explanation"),
            Cases = ReadCases(map),
            Else = OptionalString(map, "else"),
            Action = OptionalString(map, "action"),
            Args = ReadArgs(map),
            IsResting = OptionalString(map, "resting") is "true" or "yes",
        };
    }

    private ImmutableArray<Option> ReadOptions(YamlMappingNode map)
    {
        if (Child(map, "options") is not { } node)
            return [];
        if (node is not YamlSequenceNode list)
        {
            Error(Line(node), "'options' must be a list of { label, value }");
            return [];
        }
        var options = ImmutableArray.CreateBuilder<Option>();
        foreach (var item in list.Children)
        {
            if (item is not YamlMappingNode option)
            {
                Error(Line(item), "an option must be a mapping with 'label' and 'value'");
                continue;
            }
            var label = RequiredString(option, "label", "option");
            var value = OptionalString(option, "value") ?? label;
            if (label is not null && value is not null)
                options.Add(new Option(label, value, OptionalString(option, "next"), OptionalString(option, "then"), Line(option)));
        }
        return options.ToImmutable();
    }

    private ImmutableArray<BranchCase> ReadCases(YamlMappingNode map)
    {
        if (Child(map, "cases") is not { } node)
            return [];
        if (node is not YamlSequenceNode list)
        {
            Error(Line(node), "'cases' must be a list of { when, next }");
            return [];
        }
        var cases = ImmutableArray.CreateBuilder<BranchCase>();
        foreach (var item in list.Children.OfType<YamlMappingNode>())
        {
            var when = RequiredString(item, "when", "case");
            var next = RequiredString(item, "next", "case");
            if (when is null || next is null)
                continue;
            if (Condition.TryParse(when, out var condition))
                cases.Add(new BranchCase(condition!, next, Line(item)));
            else
                Error(Line(item), $"condition '{when}' is not of the form 'answer == value' (operators: == != > < >= <= in [a, b])");
        }
        return cases.ToImmutable();
    }

    private Regex? ReadPattern(YamlMappingNode map)
    {
        var pattern = OptionalString(map, "pattern");
        if (pattern is null)
            return null;
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException e)
        {
            Error(Line(Child(map, "pattern")!), $"pattern is not a valid regular expression: {e.Message}");
            return null;
        }
    }

    private ImmutableArray<string> ReadStrings(YamlMappingNode map, string key)
    {
        if (Child(map, key) is not { } node)
            return [];
        if (node is YamlSequenceNode list)
            return [.. list.Children.Select(Scalar).OfType<string>()];
        Error(Line(node), $"'{key}' must be a list");
        return [];
    }

    private ImmutableDictionary<string, string> ReadArgs(YamlMappingNode map)
    {
        if (Child(map, "args") is not { } node)
            return ImmutableDictionary<string, string>.Empty;
        if (node is not YamlMappingNode args)
        {
            Error(Line(node), "'args' must be a mapping");
            return ImmutableDictionary<string, string>.Empty;
        }
        return args.Children.ToImmutableDictionary(p => Scalar(p.Key) ?? "", p => Scalar(p.Value)?.TrimEnd() ?? "");
    }

    private string? RequiredString(YamlMappingNode map, string key, string owner)
    {
        var value = OptionalString(map, key);
        if (string.IsNullOrWhiteSpace(value))
        {
            Error(Line(map), $"{owner} is missing '{key}'");
            return null;
        }
        return value;
    }

    private string? OptionalString(YamlMappingNode map, string key)
    {
        var node = Child(map, key);
        if (node is null)
            return null;
        if (node is YamlScalarNode scalar)
            return scalar.Value;
        Error(Line(node), $"'{key}' must be a single value");
        return null;
    }

    private decimal? OptionalNumber(YamlMappingNode map, string key)
    {
        var text = OptionalString(map, key);
        if (text is null)
            return null;
        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            return value;
        Error(Line(Child(map, key)!), $"'{key}' must be a number, not '{text}'");
        return null;
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static string? Scalar(YamlNode node) => (node as YamlScalarNode)?.Value;

    private static int Line(YamlNode node) => (int)node.Start.Line;

    private void Error(int line, string problem) => _errors.Add(new DialogError(_file, line, problem));
}
