using System.Collections.Immutable;
using System.Globalization;

namespace AsnBot.Conversations.Dialogs;

/// <summary>
/// Checks what a single file cannot show on its own: duplicate ids, jumps to missing steps
/// or dialogs, missing texts, unknown actions. Runs at start-up and in <c>validate-dialogs</c>.
/// </summary>
public static class DialogValidator
{
    public static IReadOnlyList<DialogError> Validate(IReadOnlyList<Dialog> dialogs, EngineTexts? texts, IReadOnlySet<string> knownActions)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(knownActions);
        var errors = new List<DialogError>();
        var dialogIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var dialog in dialogs)
        {
            if (!dialogIds.Add(dialog.Id))
            {
                var first = dialogs.First(d => d.Id == dialog.Id);
                errors.Add(new DialogError(dialog.File, 1, $"duplicate dialog id '{dialog.Id}' (also in {first.File})"));
            }
        }
        foreach (var dialog in dialogs)
            ValidateDialog(dialog, dialogIds, knownActions, errors);

        foreach (var id in WellKnownDialogs.All.Where(id => !dialogIds.Contains(id)))
            errors.Add(new DialogError("dialogs", 0, $"the dialog '{id}' is required but no file defines it"));

        if (texts is null)
            errors.Add(new DialogError("texts.yaml", 0, "no file with 'texts:' found; the engine's hints live there"));
        else
            errors.AddRange(EngineTexts.RequiredKeys.Where(k => !texts.Values.ContainsKey(k))
                .Select(k => new DialogError(texts.File, 1, $"text '{k}' is missing")));
        return errors;
    }

    private static void ValidateDialog(Dialog dialog, HashSet<string> dialogIds, IReadOnlySet<string> knownActions, List<DialogError> errors)
    {
        var stepIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in dialog.Steps)
        {
            if (!stepIds.Add(step.Id))
                errors.Add(Error(dialog, step.Line, $"duplicate step id '{step.Id}'"));
        }

        void CheckTarget(string? target, int line, string what)
        {
            if (target is not null && target != Dialog.EndTarget && !stepIds.Contains(target))
                errors.Add(Error(dialog, line, $"{what} jumps to missing step '{target}'"));
        }

        foreach (var step in dialog.Steps)
        {
            var name = $"step '{step.Id}'";
            CheckTarget(step.Next, step.Line, name);
            if (NeedsText(step.Kind) && string.IsNullOrWhiteSpace(step.Text))
                errors.Add(Error(dialog, step.Line, $"{name} ({Kind(step)}) is missing 'text'"));

            switch (step.Kind)
            {
                case StepKind.Choice or StepKind.Multi or StepKind.Quiz:
                    if (step.Options.IsEmpty)
                        errors.Add(Error(dialog, step.Line, $"{name} ({Kind(step)}) has no 'options'"));
                    foreach (var option in step.Options)
                    {
                        CheckTarget(option.Next, option.Line, $"option '{option.Label}'");
                        CheckTarget(option.Then, option.Line, $"option '{option.Label}'");
                    }
                    foreach (var duplicate in step.Options.GroupBy(o => o.Value).Where(g => g.Count() > 1))
                        errors.Add(Error(dialog, duplicate.Last().Line, $"{name} has two options with value '{duplicate.Key}'"));
                    break;
                case StepKind.Likert when step.Scale.Length < 2:
                    errors.Add(Error(dialog, step.Line, $"{name} (likert) needs a 'scale' of at least two labels"));
                    break;
                case StepKind.Number when step.Min > step.Max:
                    errors.Add(Error(dialog, step.Line, $"{name} has min greater than max"));
                    break;
                case StepKind.Date:
                    foreach (var bound in new[] { step.MinDate, step.MaxDate }.OfType<string>())
                    {
                        if (bound != "today" && !DateOnly.TryParseExact(bound, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                            errors.Add(Error(dialog, step.Line, $"{name} has date bound '{bound}'; use 'today' or yyyy-mm-dd"));
                    }
                    break;
                case StepKind.Branch:
                    if (step.Cases.IsEmpty)
                        errors.Add(Error(dialog, step.Line, $"{name} (branch) has no 'cases'"));
                    foreach (var branchCase in step.Cases)
                        CheckTarget(branchCase.Next, branchCase.Line, $"{name} case");
                    CheckTarget(step.Else, step.Line, $"{name} else");
                    break;
                case StepKind.Action:
                    if (string.IsNullOrWhiteSpace(step.Action))
                        errors.Add(Error(dialog, step.Line, $"{name} (action) is missing 'action'"));
                    else if (!knownActions.Contains(step.Action))
                        errors.Add(Error(dialog, step.Line, $"{name} uses unknown action '{step.Action}' (known: {string.Join(", ", knownActions.Order())})"));
                    break;
                case StepKind.Goto:
                    if (step.Next is null && step.Dialog is null)
                        errors.Add(Error(dialog, step.Line, $"{name} (goto) needs 'next' or 'dialog'"));
                    break;
            }

            if (step.Kind == StepKind.Quiz && step.Correct is not null && step.Options.All(o => o.Value != step.Correct))
                errors.Add(Error(dialog, step.Line, $"{name}: correct answer '{step.Correct}' is not one of its option values"));
            if (step.Kind == StepKind.Quiz && step.Correct is null)
                errors.Add(Error(dialog, step.Line, $"{name} (quiz) is missing 'correct'"));
            if (step.Dialog is not null && !dialogIds.Contains(step.Dialog))
                errors.Add(Error(dialog, step.Line, $"{name} goes to missing dialog '{step.Dialog}'"));
        }
    }

    private static bool NeedsText(StepKind kind) =>
        kind is not (StepKind.Branch or StepKind.Action or StepKind.Goto or StepKind.End);

    private static string Kind(Step step) => step.Kind.ToString().ToLowerInvariant();

    private static DialogError Error(Dialog dialog, int line, string problem) => new(dialog.File, line, problem);

    public static DialogSet LoadAndValidate(string folder, IReadOnlySet<string> knownActions)
    {
        var loader = new DialogLoader();
        var (dialogs, texts) = loader.LoadFolder(folder);
        var errors = loader.Errors.Concat(Validate(dialogs, texts, knownActions)).ToList();
        if (errors.Count > 0)
            throw new InvalidDialogsException(errors);
        return new DialogSet(dialogs.ToImmutableDictionary(d => d.Id), texts!);
    }
}
