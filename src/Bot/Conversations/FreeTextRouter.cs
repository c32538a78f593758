using System.Collections.Immutable;
using AsnBot.Conversations.Dialogs;
using AsnBot.Conversations.Engine;
using AsnBot.Knowledge.Answers;

namespace AsnBot.Conversations;

/// <summary>
/// The one place free text outside a dialog is routed: when a registered person is idle,
/// on the main menu, or on a choice of the ask dialog, and types something that is not a
/// command or one of the offered options, the route table (<c>data/questions.yaml</c>) opens
/// the feature it names; anything else opens the ask dialog with the text as the question.
/// </summary>
public sealed class FreeTextRouter
{
    public const string QuestionAnswer = "question";

    private readonly IntentRoutes _routes;
    private readonly DialogSet _dialogs;

    public FreeTextRouter(QuestionContent content, DialogSet dialogs)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(dialogs);
        var missing = content.Routes.Routes.Where(r => !dialogs.Contains(r.Dialog)).Select(r => $"{r.Id} -> {r.Dialog}").ToList();
        if (missing.Count > 0)
            throw new InvalidDataException($"data/questions.yaml: routes to dialogs that do not exist: {string.Join(", ", missing)}");
        _routes = content.Routes;
        _dialogs = dialogs;
    }

    /// <summary>The input to run: the same one, or an <see cref="OpenDialog"/> when the text is routed.</summary>
    public TurnInput Route(ConversationState state, TurnInput input, bool isRegistered, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!isRegistered || input is not UserText { Text: { Length: > 0 } text } || GlobalCommands.Parse(text) is not null
            || !IsResting(state, input, now))
            return input;
        if (_routes.Match(text) is { } match)
        {
            var answers = match.Route.IsSearch && match.SearchText.Length > 0
                ? ImmutableDictionary<string, string>.Empty.Add(match.Route.SearchAnswer, match.SearchText)
                : ImmutableDictionary<string, string>.Empty;
            return new OpenDialog(match.Route.Dialog, answers);
        }
        return new OpenDialog(WellKnownDialogs.Ask, ImmutableDictionary<string, string>.Empty.Add(QuestionAnswer, text.Trim()));
    }

    /// <summary>Nothing in progress, or a menu-like choice the text does not answer.</summary>
    private bool IsResting(ConversationState state, TurnInput input, DateTimeOffset now)
    {
        if (state.Active is not { } frame)
            return true;
        var isMenu = frame.DialogId == WellKnownDialogs.Menu && frame.StepId == _dialogs.Get(WellKnownDialogs.Menu).First.Id;
        var isAskChoice = frame.DialogId == WellKnownDialogs.Ask;
        if (!isMenu && !isAskChoice)
            return false;
        var step = _dialogs.Get(frame.DialogId).Find(frame.StepId);
        return step is { Kind: StepKind.Choice } && AnswerReader.Read(step, input, frame.Answers, _dialogs.Texts, now) is Answer.Invalid;
    }
}
