using System.Collections.Immutable;
using System.Globalization;
using AsnBot.Conversations.Engine;
using AsnBot.Knowledge.Answers;
using AsnBot.Knowledge.Questions;

namespace AsnBot.Conversations.Actions;

/// <summary>
/// Answers the question in the dialog's answers (arg <c>question</c> names it) from the
/// knowledge base and the catalog, or with a language model when one is configured. When
/// nothing fits well it goes to <c>when_handoff</c>, where the dialog offers a coordinator;
/// with no question yet, to <c>when_empty</c>, where the dialog asks for one.
/// </summary>
public sealed class AnswerQuestionAction(AskService ask) : IDialogAction
{
    public string Name => "answer-question";

    public async Task<ActionOutcome> RunAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var question = context.Answer(context.Arg("question"));
        if (string.IsNullOrWhiteSpace(question))
            return new ActionOutcome { Next = context.Arg("when_empty") };
        var answer = await ask.AskAsync(context.Db, question, context.PersonId, routeFeatures: false, cancellationToken).ConfigureAwait(false);
        var next = answer.Route == AnswerRoute.Handoff ? context.Arg("when_handoff") : null;
        return new ActionOutcome { Replies = [new Reply(answer.Answer)], Next = next };
    }
}

/// <summary>Stores the question for the coordinators, with the person's consent given at the offer step.</summary>
public sealed class HandOffQuestionAction(QuestionDesk desk) : IDialogAction
{
    public string Name => "hand-off-question";

    public async Task<ActionOutcome> RunAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.PersonId is not { } personId)
            return new ActionOutcome { Next = context.Arg("when_unregistered") };
        var question = await desk.SubmitAsync(personId, context.Answer(context.Arg("question")), cancellationToken).ConfigureAwait(false);
        return new ActionOutcome
        {
            Answers = ImmutableDictionary<string, string>.Empty.Add("question.id", question.Id.ToString(CultureInfo.InvariantCulture)),
        };
    }
}
