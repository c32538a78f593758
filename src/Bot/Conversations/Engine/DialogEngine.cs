using System.Collections.Immutable;
using AsnBot.Conversations.Dialogs;

namespace AsnBot.Conversations.Engine;

/// <summary>
/// The conversation engine: one turn is a pure function of the dialogs, the saved state,
/// the input and the moment. It never touches a database or a channel; when a step needs
/// real work it returns a <see cref="PendingAction"/> and is called again with the outcome.
/// </summary>
public static class DialogEngine
{
    // Steps that ask nothing may chain (message, branch, goto); this bounds a cycle in content.
    private const int MaxStepsPerTurn = 200;

    public static Turn Next(DialogSet dialogs, ConversationState state, TurnInput input, TurnContext context)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var run = new Run(dialogs, context);
        return input switch
        {
            UserText text when GlobalCommands.Parse(text.Text) is { } command => run.Command(state, command),
            UserText or UserChoice => run.Answer(state, input),
            QueueDialog queued => run.Enqueue(state, queued.DialogId),
            OpenDialog open => run.Open(state, open.DialogId, open.Answers),
            ActionCompleted done => run.Resume(state, done.Outcome),
            _ => throw new ArgumentException($"Unknown input {input.GetType().Name}", nameof(input)),
        };
    }

    /// <summary>The prompt of the step a person is waiting on, for re-asking after an interruption.</summary>
    public static Reply Prompt(DialogSet dialogs, DialogFrame frame)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(frame);
        var step = dialogs.Get(frame.DialogId).Find(frame.StepId)!;
        return PromptFor(step, frame.Answers, dialogs.Texts);
    }

    private sealed class Run(DialogSet dialogs, TurnContext context)
    {
        private readonly ImmutableList<Reply>.Builder _replies = ImmutableList.CreateBuilder<Reply>();

        public Turn Command(ConversationState state, GlobalCommand command)
        {
            var entry = context.IsRegistered ? WellKnownDialogs.Menu : WellKnownDialogs.Registration;
            return command switch
            {
                GlobalCommand.Start or GlobalCommand.Menu => Start(Abandon(state), entry),
                GlobalCommand.Cancel => Cancelled(state),
                GlobalCommand.Help => Interrupt(state, WellKnownDialogs.Help),
                GlobalCommand.MyData => Interrupt(state, WellKnownDialogs.MyData),
                GlobalCommand.DeleteData => Start(Abandon(state), WellKnownDialogs.DeleteData),
                _ => Done(state),
            };
        }

        public Turn Answer(ConversationState state, TurnInput input)
        {
            if (state.Active is not { } frame)
            {
                // Nothing in progress: a newcomer is welcomed into registration, a member gets the menu.
                if (!context.IsRegistered)
                    _replies.Add(new Reply(dialogs.Texts["idle.unregistered"]));
                return Start(state, context.IsRegistered ? WellKnownDialogs.Menu : WellKnownDialogs.Registration);
            }
            var dialog = dialogs.Get(frame.DialogId);
            var step = dialog.Find(frame.StepId);
            if (step is null || !step.WaitsForInput)
                return Start(Abandon(state), context.IsRegistered ? WellKnownDialogs.Menu : WellKnownDialogs.Registration);

            switch (AnswerReader.Read(step, input, frame.Answers, dialogs.Texts, context.Now))
            {
                case Engine.Answer.Invalid invalid:
                    _replies.Add(new Reply(invalid.Hint));
                    _replies.Add(PromptFor(step, frame.Answers, dialogs.Texts));
                    return Done(state);
                case Engine.Answer.Partial partial:
                    var kept = frame with { Answers = frame.Answers.SetItems(partial.Answers) };
                    _replies.Add(partial.Feedback);
                    _replies.Add(PromptFor(step, kept.Answers, dialogs.Texts));
                    return Done(state with { Active = kept });
                case Engine.Answer.Accepted accepted:
                    _replies.AddRange(accepted.Feedback);
                    var answered = frame with
                    {
                        Answers = frame.Answers.SetItems(accepted.Answers),
                        ReturnTo = accepted.ReturnTo ?? frame.ReturnTo,
                    };
                    return Continue(state with { Active = answered }, dialog, step, accepted.Next);
                default:
                    return Done(state);
            }
        }

        public Turn Enqueue(ConversationState state, string dialogId)
        {
            if (state.Paused.IsEmpty && (state.Active is null || IsResting(state.Active)))
                return Start(state with { Active = null }, dialogId);
            return Done(state.Queue.Contains(dialogId) ? state : state with { Queue = state.Queue.Add(dialogId) });
        }

        public Turn Open(ConversationState state, string dialogId, ImmutableDictionary<string, string> answers) =>
            Start(state with { Active = null }, dialogId, answers);

        public Turn Resume(ConversationState state, ActionOutcome outcome)
        {
            _replies.AddRange(outcome.Replies);
            if (state.Active is not { } frame)
                return Done(state);
            if (outcome.StartDialog is { } chosen)
                return Start(state with { Active = null }, chosen, outcome.Answers);
            var dialog = dialogs.Get(frame.DialogId);
            var step = dialog.Find(frame.StepId)!;
            var updated = frame with { Answers = frame.Answers.SetItems(outcome.Answers) };
            return Continue(state with { Active = updated }, dialog, step, outcome.Next);
        }

        private bool IsResting(DialogFrame frame) =>
            dialogs.Contains(frame.DialogId) && dialogs.Get(frame.DialogId).Find(frame.StepId) is { IsResting: true };

        private Turn Cancelled(ConversationState state)
        {
            _replies.Add(new Reply(dialogs.Texts["command.cancelled"]));
            return Done(Abandon(state));
        }

        private Turn Interrupt(ConversationState state, string dialogId)
        {
            var paused = state.Active is { } active && state.Active.DialogId != dialogId
                ? state with { Active = null, Paused = state.Paused.Insert(0, active) }
                : state with { Active = null };
            return Start(paused, dialogId);
        }

        private static ConversationState Abandon(ConversationState state) => state with { Active = null, Paused = [] };

        private Turn Start(ConversationState state, string dialogId, ImmutableDictionary<string, string>? answers = null)
        {
            var dialog = dialogs.Get(dialogId);
            var frame = new DialogFrame(dialogId, dialog.First.Id, answers ?? ImmutableDictionary<string, string>.Empty);
            return Walk(state with { Active = frame, Queue = state.Queue.Remove(dialogId) }, dialog, dialog.First);
        }

        /// <summary>Leaves a step: to an explicit target, back to a summary, or to the next step in the file.</summary>
        private Turn Continue(ConversationState state, Dialog dialog, Step from, string? explicitNext)
        {
            var target = explicitNext ?? from.Next;
            if (target == Dialog.EndTarget)
                return Finish(state);
            var next = target is not null ? dialog.Find(target) : dialog.After(from);
            if (next is null)
                return Finish(state);
            if (target is null && next.WaitsForInput && state.Active!.ReturnTo is { } returnTo)
            {
                next = dialog.Find(returnTo)!;
                state = state with { Active = state.Active with { ReturnTo = null } };
            }
            return Walk(state, dialog, next);
        }

        /// <summary>Runs steps that ask nothing until one waits for the person or needs an action.</summary>
        private Turn Walk(ConversationState state, Dialog dialog, Step step)
        {
            for (var i = 0; i < MaxStepsPerTurn; i++)
            {
                var frame = state.Active! with { StepId = step.Id };
                state = state with { Active = frame };
                switch (step.Kind)
                {
                    case var _ when step.WaitsForInput:
                        _replies.Add(PromptFor(step, frame.Answers, dialogs.Texts));
                        return Done(state);
                    case StepKind.Action:
                        return new Turn(state, _replies.ToImmutable(), new PendingAction(step.Action!, step.Args, frame.Answers, dialog.Id));
                    case StepKind.Message:
                        _replies.Add(new Reply(TextTemplate.Fill(step.Text!, frame.Answers)));
                        break;
                    case StepKind.End:
                        if (!string.IsNullOrWhiteSpace(step.Text))
                            _replies.Add(new Reply(TextTemplate.Fill(step.Text, frame.Answers)));
                        return Finish(state);
                    case StepKind.Goto when step.Dialog is { } other:
                        return Start(state with { Active = null }, other);
                    case StepKind.Goto:
                        break;
                    case StepKind.Branch:
                        var target = step.Cases.FirstOrDefault(c => c.When.IsMetBy(frame.Answers))?.Next ?? step.Else;
                        if (target is not null)
                        {
                            if (target == Dialog.EndTarget)
                                return Finish(state);
                            step = dialog.Find(target)!;
                            continue;
                        }
                        break;
                }
                var jump = step.Next;
                if (jump == Dialog.EndTarget)
                    return Finish(state);
                var following = jump is not null ? dialog.Find(jump) : dialog.After(step);
                if (following is null)
                    return Finish(state);
                step = following;
            }
            _replies.Add(new Reply(dialogs.Texts["error.loop"]));
            return Done(Abandon(state));
        }

        /// <summary>A dialog ended: resume an interrupted one, else start the next queued one, else rest.</summary>
        private Turn Finish(ConversationState state)
        {
            state = state with { Active = null };
            if (!state.Paused.IsEmpty)
            {
                var resumed = state.Paused[0];
                _replies.Add(PromptFor(dialogs.Get(resumed.DialogId).Find(resumed.StepId)!, resumed.Answers, dialogs.Texts));
                return Done(state with { Active = resumed, Paused = state.Paused.RemoveAt(0) });
            }
            if (!state.Queue.IsEmpty)
                return Start(state, state.Queue[0]);
            return Done(state);
        }

        private Turn Done(ConversationState state) => new(state, _replies.ToImmutable(), null);
    }

    private static Reply PromptFor(Step step, ImmutableDictionary<string, string> answers, EngineTexts texts)
    {
        var text = TextTemplate.Fill(step.Text ?? string.Empty, answers);
        ImmutableList<ReplyChoice> choices = step.Kind switch
        {
            StepKind.Choice or StepKind.Quiz => [.. step.Options.Select(o => new ReplyChoice(o.Label, o.Value))],
            StepKind.Multi => MultiChoices(step, answers, texts),
            StepKind.Likert => LikertChoices(step),
            _ => [],
        };
        return new Reply(text) { Choices = choices };
    }

    private static ImmutableList<ReplyChoice> MultiChoices(Step step, ImmutableDictionary<string, string> answers, EngineTexts texts)
    {
        var chosen = answers.TryGetValue(step.AnswerKey, out var so) ? so.Split(',') : [];
        var choices = step.Options.Select(o => new ReplyChoice(chosen.Contains(o.Value) ? "✓ " + o.Label : o.Label, o.Value)).ToImmutableList();
        return chosen.Length >= (int)(step.Min ?? 1) ? choices.Add(new ReplyChoice(texts["multi.done"], AnswerReader.DoneValue)) : choices;
    }

    private static ImmutableList<ReplyChoice> LikertChoices(Step step)
    {
        var choices = step.Scale.Select((label, i) => new ReplyChoice($"{i + 1} · {label}", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToImmutableList();
        return step.NotObservedLabel is { } na ? choices.Add(new ReplyChoice(na, "0")) : choices;
    }
}
