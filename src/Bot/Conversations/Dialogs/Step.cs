using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace AsnBot.Conversations.Dialogs;

public enum StepKind
{
    Message,
    Choice,
    Multi,
    Likert,
    Text,
    Number,
    Nip,
    Date,
    Quiz,
    Branch,
    Action,
    Goto,
    End,
}

public sealed record Option(string Label, string Value, string? Next, string? Then, int Line);

public sealed record BranchCase(Condition When, string Next, int Line);

/// <summary>
/// One step of a dialog as written in YAML. A single record rather than a class per kind:
/// the loader fills what the kind uses, the validator checks it, the engine switches on Kind.
/// </summary>
public sealed record Step
{
    public required string Id { get; init; }
    public required StepKind Kind { get; init; }
    public required int Line { get; init; }
    public string? Text { get; init; }
    public string? Save { get; init; }
    public string? Next { get; init; }
    public string? Dialog { get; init; }
    public ImmutableArray<Option> Options { get; init; } = [];
    public ImmutableArray<string> Scale { get; init; } = [];
    public string? NotObservedLabel { get; init; }
    public Regex? Pattern { get; init; }
    public string? Hint { get; init; }
    public int MaxLength { get; init; } = 500;
    public decimal? Min { get; init; }
    public decimal? Max { get; init; }
    public string? MinDate { get; init; }
    public string? MaxDate { get; init; }
    public string? Correct { get; init; }
    public string? Explanation { get; init; }
    public ImmutableArray<BranchCase> Cases { get; init; } = [];
    public string? Else { get; init; }
    public string? Action { get; init; }
    public ImmutableDictionary<string, string> Args { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>
    /// A prompt a person may simply leave (the menu, "read the next lesson now?"): a dialog the
    /// system starts replaces it instead of waiting behind it.
    /// </summary>
    public bool IsResting { get; init; }

    public string AnswerKey => Save ?? Id;

    public bool WaitsForInput => Kind is StepKind.Choice or StepKind.Multi or StepKind.Likert or StepKind.Text
        or StepKind.Number or StepKind.Nip or StepKind.Date or StepKind.Quiz;
}
