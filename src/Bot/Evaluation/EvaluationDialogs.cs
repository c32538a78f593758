using System.Collections.Immutable;
using AsnBot.Conversations.Actions;
using AsnBot.Knowledge.Enrollments;
using AsnBot.Knowledge.Evaluation;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Evaluation;

/// <summary>What the evaluation actions share: the levels a dialog asks, the bank of the open test, whether more waits.</summary>
internal static class EvaluationDialogs
{
    public static IReadOnlyCollection<EvaluationLevel> Levels(string name) => name switch
    {
        "reaction" => [EvaluationLevel.Reaction],
        "test" => [EvaluationLevel.PreTest, EvaluationLevel.PostTest],
        "behaviour" => [EvaluationLevel.BehaviourCheckIn, EvaluationLevel.Behaviour],
        _ => throw new ArgumentException($"Unknown evaluation levels '{name}': use reaction, test or behaviour.", nameof(name)),
    };

    public static async Task<QuestionBank?> BankAsync(ActionContext context, QuestionBanks banks, CancellationToken cancellationToken)
    {
        if (!Guid.TryParseExact(context.Answer("eval.request"), "N", out var requestId))
            return null;
        var code = await context.Db.Set<EvaluationRequest>().Where(r => r.Id == requestId).Select(r => r.TrainingCode).FirstOrDefaultAsync(cancellationToken);
        return code is null ? null : banks.Find(code);
    }

    /// <summary><c>eval.more</c>: "ya" when another questionnaire of the same dialog waits, so the dialog starts again for it.</summary>
    public static async Task<ImmutableDictionary<string, string>> MoreAsync(ActionContext context, Guid person, Guid answered, CancellationToken cancellationToken)
    {
        var dialog = context.Request.DialogId;
        var levels = Enum.GetValues<EvaluationLevel>().Where(l => EvaluationRequest.DialogFor(l) == dialog).ToList();
        var more = await context.Db.Set<EvaluationRequest>().AnyAsync(
            r => r.RecipientId == person && r.Id != answered && r.Status == EvaluationStatus.Open && r.AskedAt != null && levels.Contains(r.Level),
            cancellationToken);
        return ImmutableDictionary<string, string>.Empty.Add("eval.more", more ? "ya" : "tidak");
    }

    /// <summary>Whole days from the participant's local completion date to the request's due date.</summary>
    public static async Task<int> DaysSinceCompletionAsync(AsnBotDbContext db, EvaluationRequest request, CancellationToken cancellationToken)
    {
        var completedAt = await db.Set<Enrollment>().Where(e => e.Id == request.EnrollmentId).Select(e => e.CompletedAt).FirstOrDefaultAsync(cancellationToken);
        var zone = await db.Set<Person>().Where(p => p.Id == request.ParticipantId).Select(p => (IndonesianTimeZone?)p.TimeZone).FirstOrDefaultAsync(cancellationToken) ?? IndonesianTimeZone.WIB;
        if (completedAt is null)
            return 0;
        var completedOn = DateOnly.FromDateTime(zone.ToLocal(completedAt.Value).DateTime);
        var dueOn = DateOnly.FromDateTime(zone.ToLocal(request.DueAt).DateTime);
        return dueOn.DayNumber - completedOn.DayNumber;
    }
}
