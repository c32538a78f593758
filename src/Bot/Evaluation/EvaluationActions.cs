using System.Collections.Immutable;
using System.Globalization;
using AsnBot.Conversations.Actions;
using AsnBot.Conversations.Engine;
using AsnBot.Knowledge.Evaluation;
using AsnBot.Knowledge.Privacy;

namespace AsnBot.Evaluation;

/// <summary>
/// Opens the person's oldest asked questionnaire of the dialog's levels (<c>levels</c>: reaction,
/// test or behaviour) and puts what its texts need into <c>eval.*</c>; a test also gets its
/// question queue (<c>q.*</c>). With none open it goes to <c>when_none</c>.
/// </summary>
public sealed class OpenEvaluationAction(QuestionBanks banks) : IDialogAction
{
    public string Name => "evaluation-open";

    public async Task<ActionOutcome> RunAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var levels = EvaluationDialogs.Levels(context.Arg("levels"));
        var open = context.PersonId is { } person
            ? await EvaluationRecorder.NextOpenAsync(context.Db, person, levels, cancellationToken)
            : null;
        if (open is null)
            return new ActionOutcome { Next = context.Arg("when_none") };

        var request = open.Request;
        var self = context.Arg("self") is { Length: > 0 } word ? word : "Anda";
        var subject = request.Role == EvaluationRole.Participant ? self : open.ParticipantName;
        var answers = ImmutableDictionary<string, string>.Empty
            .Add("eval.request", request.Id.ToString("N"))
            .Add("eval.training", open.TrainingTitle)
            .Add("eval.subject", subject)
            .Add("eval.participant", subject)
            .Add("eval.reminder", request.Reminders > 0 ? "ya" : "tidak")
            .Add("eval.days", "0");
        if (request.Level == EvaluationLevel.Behaviour || request.Level == EvaluationLevel.BehaviourCheckIn)
            answers = answers.SetItem("eval.days", (await EvaluationDialogs.DaysSinceCompletionAsync(context.Db, request, cancellationToken)).ToString(CultureInfo.InvariantCulture));
        if (request.Level is EvaluationLevel.PreTest or EvaluationLevel.PostTest && banks.Find(request.TrainingCode) is { } bank)
        {
            answers = answers
                .Add("eval.test", request.Level == EvaluationLevel.PreTest ? "Tes awal (pre-test)" : "Tes akhir (post-test)")
                .Add("q.queue", string.Join(',', bank.Questions.Select(q => q.Id)))
                .Add("q.total", bank.Questions.Count.ToString(CultureInfo.InvariantCulture))
                .Add("q.number", "0");
        }
        return new ActionOutcome { Answers = answers };
    }
}

/// <summary>Stores a Likert questionnaire: every <c>item.*</c> answer, and the comment named by <c>comment</c> when given.</summary>
public sealed class SaveLikertEvaluationAction : IDialogAction
{
    public string Name => "evaluation-save-likert";

    public async Task<ActionOutcome> RunAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.PersonId is not { } person || !Guid.TryParseExact(context.Answer("eval.request"), "N", out var requestId))
            return new ActionOutcome { Answers = ImmutableDictionary<string, string>.Empty.Add("eval.more", "tidak") };
        var comment = context.Arg("comment") is { Length: > 0 } key ? context.Answer(key) : null;
        var items = EvaluationPlanner.LikertItems(context.Request.Answers);
        if (await EvaluationRecorder.RecordLikertAsync(context.Db, requestId, person, items, comment, context.Now, cancellationToken))
            PersonalData.Log(context.Db, person, "Anda", "Mengisi kuesioner pascapelatihan", context.Now);
        return new ActionOutcome { Answers = await EvaluationDialogs.MoreAsync(context, person, requestId, cancellationToken) };
    }
}

/// <summary>Takes the next question off <c>q.queue</c> and shows it (<c>q.text</c>, <c>q.a</c>..<c>q.d</c>) at the <c>ask</c> step; done, it goes to <c>when_done</c>.</summary>
public sealed class NextTestQuestionAction(QuestionBanks banks) : IDialogAction
{
    public string Name => "evaluation-next-question";

    public async Task<ActionOutcome> RunAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var bank = await EvaluationDialogs.BankAsync(context, banks, cancellationToken);
        var queue = context.Answer("q.queue").Split(',', StringSplitOptions.RemoveEmptyEntries).ToList();
        var question = bank is null ? null : queue.Select(id => bank.Questions.FirstOrDefault(q => q.Id == id)).FirstOrDefault(q => q is not null);
        if (question is null)
            return new ActionOutcome { Next = context.Arg("when_done") };
        var number = int.TryParse(context.Answer("q.number"), CultureInfo.InvariantCulture, out var n) ? n + 1 : 1;
        var answers = ImmutableDictionary<string, string>.Empty
            .Add("q.queue", string.Join(',', queue.SkipWhile(id => id != question.Id).Skip(1)))
            .Add("q.id", question.Id)
            .Add("q.number", number.ToString(CultureInfo.InvariantCulture))
            .Add("q.text", question.Text);
        for (var i = 0; i < QuestionBank.Letters.Count; i++)
            answers = answers.Add("q." + QuestionBank.Letters[i], question.Options[i]);
        return new ActionOutcome { Answers = answers, Next = context.Arg("ask") };
    }
}

/// <summary>Keeps the letter chosen for the current question as <c>test.&lt;question id&gt;</c> and goes <c>back</c> for the next one.</summary>
public sealed class RecordTestQuestionAction : IDialogAction
{
    public string Name => "evaluation-record-question";

    public Task<ActionOutcome> RunAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var answers = ImmutableDictionary<string, string>.Empty.Add("test." + context.Answer("q.id"), context.Answer("q.answer"));
        return Task.FromResult(new ActionOutcome { Answers = answers, Next = context.Arg("back") });
    }
}

/// <summary>Scores the test, stores it (and the gain once both tests are done) and puts <c>eval.correct</c>, <c>eval.score</c>, <c>eval.gain</c> into the answers.</summary>
public sealed class SaveTestEvaluationAction(QuestionBanks banks) : IDialogAction
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public string Name => "evaluation-save-test";

    public async Task<ActionOutcome> RunAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var bank = await EvaluationDialogs.BankAsync(context, banks, cancellationToken);
        if (bank is null || context.PersonId is not { } person || !Guid.TryParseExact(context.Answer("eval.request"), "N", out var requestId))
            return new ActionOutcome { Next = "none" };
        var chosen = context.Request.Answers
            .Where(a => a.Key.StartsWith("test.", StringComparison.Ordinal) && !a.Key.EndsWith(":label", StringComparison.Ordinal))
            .ToDictionary(a => a.Key["test.".Length..], a => a.Value, StringComparer.Ordinal);
        var outcome = await EvaluationRecorder.RecordTestAsync(context.Db, requestId, person, bank, chosen, context.Now, cancellationToken);
        var answers = await EvaluationDialogs.MoreAsync(context, person, requestId, cancellationToken);
        if (outcome is not null)
            PersonalData.Log(context.Db, person, "Anda", "Mengerjakan tes pelatihan", context.Now);
        if (outcome is null)
            return new ActionOutcome { Answers = answers, Next = "none" };
        answers = answers
            .Add("eval.correct", outcome.Correct.ToString(CultureInfo.InvariantCulture))
            .Add("eval.score", outcome.Score.ToString("0.##", Indonesian))
            .Add("eval.has_gain", outcome.Gain is null ? "tidak" : "ya")
            .Add("eval.gain", outcome.Gain is { } gain ? gain.ToString("+0.##;-0.##;0", Indonesian) : "-");
        return new ActionOutcome { Answers = answers };
    }
}

/// <summary>For the menu: which questionnaire dialog holds the person's oldest open one (<c>eval.dialog</c>), or <c>when_none</c>.</summary>
public sealed class PendingEvaluationAction : IDialogAction
{
    public string Name => "evaluation-pending";

    public async Task<ActionOutcome> RunAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var open = context.PersonId is { } person
            ? await EvaluationRecorder.NextOpenAsync(context.Db, person, Enum.GetValues<EvaluationLevel>(), cancellationToken)
            : null;
        return open is null
            ? new ActionOutcome { Next = context.Arg("when_none") }
            : new ActionOutcome { Answers = ImmutableDictionary<string, string>.Empty.Add("eval.dialog", open.Request.DialogId) };
    }
}
