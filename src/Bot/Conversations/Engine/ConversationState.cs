using System.Collections.Immutable;

namespace AsnBot.Conversations.Engine;

/// <summary>Where a person is inside one dialog, with the answers given so far.</summary>
public sealed record DialogFrame(string DialogId, string StepId, ImmutableDictionary<string, string> Answers)
{
    /// <summary>Set when a summary sends the person back to fix one field: the engine returns there instead of asking the next question.</summary>
    public string? ReturnTo { get; init; }
}

/// <summary>
/// A person's whole conversation: the dialog in progress, the dialogs interrupted by
/// help or /dataku (resumed afterwards), and dialogs that arrived while busy.
/// </summary>
public sealed record ConversationState
{
    public static readonly ConversationState Idle = new();

    public DialogFrame? Active { get; init; }
    public ImmutableList<DialogFrame> Paused { get; init; } = [];
    public ImmutableList<string> Queue { get; init; } = [];

    public bool IsIdle => Active is null && Paused.IsEmpty && Queue.IsEmpty;
}
