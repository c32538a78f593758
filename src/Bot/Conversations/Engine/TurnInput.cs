using System.Collections.Immutable;

namespace AsnBot.Conversations.Engine;

/// <summary>What moves a conversation one turn.</summary>
public abstract record TurnInput;

/// <summary>Typed text.</summary>
public sealed record UserText(string Text) : TurnInput;

/// <summary>A button press carrying an option's value.</summary>
public sealed record UserChoice(string Value) : TurnInput;

/// <summary>The system starts a dialog for the person; it waits if they are mid-dialog.</summary>
public sealed record QueueDialog(string DialogId) : TurnInput;

/// <summary>
/// Free text outside a dialog, routed to a dialog: it starts at once with some answers
/// already given (the question asked, the words to search for), in place of what rested.
/// </summary>
public sealed record OpenDialog(string DialogId, ImmutableDictionary<string, string> Answers) : TurnInput;

/// <summary>A named action finished; its outcome continues the dialog.</summary>
public sealed record ActionCompleted(ActionOutcome Outcome) : TurnInput;

/// <summary>What an action hands back to the engine: texts to show, answers to set, where to go.</summary>
public sealed record ActionOutcome
{
    public static readonly ActionOutcome Continue = new();

    public ImmutableList<Reply> Replies { get; init; } = [];
    public ImmutableDictionary<string, string> Answers { get; init; } = ImmutableDictionary<string, string>.Empty;
    public string? Next { get; init; }

    /// <summary>
    /// A dialog the action chose at run time (today's lesson, a question due again): it replaces
    /// the current one and starts with <see cref="Answers"/> already set.
    /// </summary>
    public string? StartDialog { get; init; }

    public static ActionOutcome GoTo(string step, params Reply[] replies) => new() { Next = step, Replies = [.. replies] };
}

/// <summary>An action the engine needs run before it can go on.</summary>
public sealed record PendingAction(
    string Name,
    ImmutableDictionary<string, string> Args,
    ImmutableDictionary<string, string> Answers,
    string DialogId);

/// <summary>Facts about the person the engine may consult; everything else it gets from the state.</summary>
public sealed record TurnContext(DateTimeOffset Now, bool IsRegistered);

/// <summary>The result of one step of the engine.</summary>
public sealed record Turn(ConversationState State, ImmutableList<Reply> Replies, PendingAction? Action);
