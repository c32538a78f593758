using AsnBot.Knowledge.Catalog;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Knowledge.Evaluation;

/// <summary>An open questionnaire as the dialog shows it: which training, about whom.</summary>
public sealed record OpenEvaluation(EvaluationRequest Request, string TrainingTitle, string ParticipantName);

/// <summary>
/// What the evaluation dialogs do with the database: find the person's next open
/// questionnaire, and store the answers item by item (the test's score and gain too).
/// Writes are added to the caller's context and saved with the dialog turn.
/// </summary>
public static class EvaluationRecorder
{
    /// <summary>The oldest questionnaire of these levels that was asked of the person and is still open.</summary>
    public static async Task<OpenEvaluation?> NextOpenAsync(AsnBotDbContext db, Guid recipientId, IReadOnlyCollection<EvaluationLevel> levels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var open = await db.Set<EvaluationRequest>()
            .Where(r => r.RecipientId == recipientId && r.Status == EvaluationStatus.Open && r.AskedAt != null && levels.Contains(r.Level))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        // Due together, the reaction comes before the post-test, as they were sent.
        var request = open.OrderBy(r => r.DueAt).ThenBy(r => r.Level).ThenBy(r => r.CreatedAt).FirstOrDefault();
        if (request is null)
            return null;
        var title = await db.Set<Training>().Where(t => t.Code == request.TrainingCode).Select(t => t.Title)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? request.TrainingCode;
        var name = await db.Set<Person>().Where(p => p.Id == request.ParticipantId).Select(p => p.FullName)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? "";
        return new OpenEvaluation(request, title, name);
    }

    /// <summary>Stores a Likert questionnaire (scores per item, and the open comment if any). False when it is not the person's open request.</summary>
    public static async Task<bool> RecordLikertAsync(
        AsnBotDbContext db, Guid requestId, Guid recipientId, IReadOnlyDictionary<string, int> items, string? comment, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var request = await OpenOfAsync(db, requestId, recipientId, cancellationToken).ConfigureAwait(false);
        if (request is null)
            return false;
        foreach (var (item, score) in items)
            db.Add(new EvaluationAnswer { RequestId = request.Id, Item = item, Score = score });
        if (!string.IsNullOrWhiteSpace(comment))
            db.Add(new EvaluationAnswer { RequestId = request.Id, Item = CommentItem, Text = comment.Trim() });
        Close(request, now);
        return true;
    }

    public const string CommentItem = "komentar";

    /// <summary>
    /// Stores a pre- or post-test: each question right (1) or wrong (0), the score as percent
    /// correct, and with both tests done the gain. Returns the score, or null when not open.
    /// </summary>
    public static async Task<TestOutcome?> RecordTestAsync(
        AsnBotDbContext db, Guid requestId, Guid recipientId, QuestionBank bank, IReadOnlyDictionary<string, string> chosen, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bank);
        ArgumentNullException.ThrowIfNull(chosen);
        var request = await OpenOfAsync(db, requestId, recipientId, cancellationToken).ConfigureAwait(false);
        if (request is null)
            return null;
        var correct = 0;
        foreach (var question in bank.Questions)
        {
            var isCorrect = chosen.TryGetValue(question.Id, out var letter) && letter == question.Answer;
            correct += isCorrect ? 1 : 0;
            db.Add(new EvaluationAnswer { RequestId = request.Id, Item = question.Id, Score = isCorrect ? 1 : 0, Text = letter });
        }
        request.Score = Percent(correct, bank.Questions.Count);
        Close(request, now);

        decimal? gain = null;
        if (request.Level is EvaluationLevel.PreTest or EvaluationLevel.PostTest)
        {
            var otherLevel = request.Level == EvaluationLevel.PreTest ? EvaluationLevel.PostTest : EvaluationLevel.PreTest;
            var other = await db.Set<EvaluationRequest>()
                .Where(r => r.EnrollmentId == request.EnrollmentId && r.Level == otherLevel && r.Status == EvaluationStatus.Answered && r.Score != null)
                .Select(r => r.Score).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (other is { } otherScore)
            {
                var (pre, post) = request.Level == EvaluationLevel.PreTest ? (request.Score.Value, otherScore) : (otherScore, request.Score.Value);
                gain = post - pre;
                var row = await db.Set<LearningGain>().FirstOrDefaultAsync(g => g.EnrollmentId == request.EnrollmentId, cancellationToken).ConfigureAwait(false);
                if (row is null)
                {
                    row = new LearningGain { EnrollmentId = request.EnrollmentId, TrainingCode = request.TrainingCode, ParticipantId = request.ParticipantId };
                    db.Add(row);
                }
                row.PreScore = pre;
                row.PostScore = post;
                row.Gain = gain.Value;
                row.RecordedAt = now;
            }
        }
        return new TestOutcome(request.Level, correct, bank.Questions.Count, request.Score.Value, gain);
    }

    /// <summary>Percent correct, rounded to two decimals.</summary>
    public static decimal Percent(int correct, int total) =>
        total == 0 ? 0 : Math.Round(100m * correct / total, 2, MidpointRounding.AwayFromZero);

    private static Task<EvaluationRequest?> OpenOfAsync(AsnBotDbContext db, Guid requestId, Guid recipientId, CancellationToken cancellationToken) =>
        db.Set<EvaluationRequest>().FirstOrDefaultAsync(
            r => r.Id == requestId && r.RecipientId == recipientId && r.Status == EvaluationStatus.Open, cancellationToken);

    private static void Close(EvaluationRequest request, DateTimeOffset now)
    {
        request.Status = EvaluationStatus.Answered;
        request.ClosedAt = now;
    }
}

public sealed record TestOutcome(EvaluationLevel Level, int Correct, int Total, decimal Score, decimal? Gain);
