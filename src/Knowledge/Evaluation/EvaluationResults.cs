using AsnBot.Knowledge.Catalog;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Knowledge.Evaluation;

/// <summary>The mean score of one questionnaire item over the answers that scored it (1-5); "Tidak Terlihat" answers are counted apart.</summary>
public sealed record ItemResult(string Item, decimal? Mean, int Answers, int NotObserved);

/// <summary>How many were asked, answered or gave up, and the mean per item.</summary>
public sealed record QuestionnaireResult(int Asked, int Answered, int NotResponded, decimal? ResponseRate, IReadOnlyList<ItemResult> Items);

/// <summary>Level 2: mean scores (0-100) and the mean gain over participants who took both tests.</summary>
public sealed record LearningResult(int PreTests, int PostTests, int Pairs, decimal? PreMean, decimal? PostMean, decimal? MeanGain);

/// <summary>Level 3 from both sides: the participants about themselves, and their mentors or supervisors about them.</summary>
public sealed record BehaviourResult(QuestionnaireResult Participants, QuestionnaireResult Mentors);

/// <summary>Everything the evaluation of one training shows a coordinator.</summary>
public sealed record TrainingEvaluationResults(
    string TrainingCode,
    string TrainingTitle,
    QuestionnaireResult Reaction,
    LearningResult Learning,
    BehaviourResult Behaviour,
    BehaviourResult CheckIn,
    IReadOnlyList<string> Comments);

/// <summary>A questionnaire that went unanswered: about whom, which one, and who was asked (the participant or their mentor).</summary>
public sealed record NonRespondent(Guid ParticipantId, string Nip, string FullName, string Agency, EvaluationLevel Level, EvaluationRole Role, string AskedPerson, DateTimeOffset? AskedAt);

/// <summary>A training's level-1 score at a glance: the mean of every facilitator and organisation item answered, and by how many participants.</summary>
public sealed record ReactionScore(string TrainingCode, string TrainingTitle, decimal Mean, int Respondents);

/// <summary>Aggregates a training's questionnaires: mean per item, response rate, pre/post gain, level 3 participant against mentor.</summary>
public static class EvaluationResults
{
    public static Task<TrainingEvaluationResults?> ForTrainingAsync(AsnBotDbContext db, string trainingCode, CancellationToken cancellationToken) =>
        ForTrainingAsync(db, trainingCode, null, cancellationToken);

    /// <summary>The results over the participants among <paramref name="within"/> only (everyone when null): a coordinator's agencies.</summary>
    public static async Task<TrainingEvaluationResults?> ForTrainingAsync(AsnBotDbContext db, string trainingCode, IQueryable<Person>? within, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var title = await db.Set<Training>().Where(t => t.Code == trainingCode).Select(t => t.Title)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (title is null)
            return null;
        var requests = await Requests(db, trainingCode, within).ToListAsync(cancellationToken).ConfigureAwait(false);
        var ids = requests.Select(r => r.Id).ToList();
        var answers = await db.Set<EvaluationAnswer>().AsNoTracking().Where(a => ids.Contains(a.RequestId))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var gains = db.Set<LearningGain>().AsNoTracking().Where(g => g.TrainingCode == trainingCode);
        if (within is not null)
            gains = gains.Where(g => within.Any(p => p.Id == g.ParticipantId));
        return Aggregate(trainingCode, title, requests, answers, await gains.ToListAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// The level-1 (reaction) score of each training whose questionnaire participants among
    /// <paramref name="within"/> answered (everyone when null), most answered first, at most <paramref name="take"/>.
    /// Comments carry no score and are left out.
    /// </summary>
    public static async Task<IReadOnlyList<ReactionScore>> ReactionScoresAsync(AsnBotDbContext db, IQueryable<Person>? within, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var answered = db.Set<EvaluationRequest>().AsNoTracking()
            .Where(r => r.Level == EvaluationLevel.Reaction && r.Role == EvaluationRole.Participant && r.Status == EvaluationStatus.Answered);
        if (within is not null)
            answered = answered.Where(r => within.Any(p => p.Id == r.ParticipantId));
        var perTraining = await (
                from r in answered
                join a in db.Set<EvaluationAnswer>() on r.Id equals a.RequestId
                where a.Score > 0 && a.Item != EvaluationRecorder.CommentItem
                group new { r.ParticipantId, Score = (double)a.Score!.Value } by r.TrainingCode into g
                select new { TrainingCode = g.Key, Mean = g.Average(x => x.Score), Respondents = g.Select(x => x.ParticipantId).Distinct().Count() })
            .OrderByDescending(t => t.Respondents).ThenBy(t => t.TrainingCode).Take(take)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var codes = perTraining.Select(t => t.TrainingCode).ToList();
        var titles = await db.Set<Training>().AsNoTracking().Where(t => codes.Contains(t.Code))
            .ToDictionaryAsync(t => t.Code, t => t.Title, cancellationToken).ConfigureAwait(false);
        return [.. perTraining.Select(t => new ReactionScore(
            t.TrainingCode, titles.GetValueOrDefault(t.TrainingCode, t.TrainingCode),
            Math.Round((decimal)t.Mean, 2, MidpointRounding.AwayFromZero), t.Respondents))];
    }

    /// <summary>Who was asked and gave up answering (reminded without an answer), newest first, among <paramref name="within"/>.</summary>
    public static async Task<IReadOnlyList<NonRespondent>> NonRespondentsAsync(AsnBotDbContext db, string trainingCode, IQueryable<Person>? within, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var people = db.Set<Person>();
        var rows = await (
            from r in Requests(db, trainingCode, within)
            where r.Status == EvaluationStatus.NotResponded
            join participant in people on r.ParticipantId equals participant.Id
            join recipient in people on r.RecipientId equals recipient.Id
            select new { participant.Id, participant.Nip, participant.FullName, participant.Agency, r.Level, r.Role, Recipient = recipient.FullName, r.AskedAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        // Sorted here: SQLite cannot order by a DateTimeOffset column.
        return [.. rows.OrderBy(r => r.Level).ThenBy(r => r.FullName, StringComparer.Ordinal)
            .Select(r => new NonRespondent(r.Id, r.Nip, r.FullName, r.Agency, r.Level, r.Role, r.Recipient, r.AskedAt))];
    }

    private static IQueryable<EvaluationRequest> Requests(AsnBotDbContext db, string trainingCode, IQueryable<Person>? within)
    {
        var requests = db.Set<EvaluationRequest>().AsNoTracking().Where(r => r.TrainingCode == trainingCode);
        return within is null ? requests : requests.Where(r => within.Any(p => p.Id == r.ParticipantId));
    }

    public static TrainingEvaluationResults Aggregate(
        string trainingCode, string title, IReadOnlyCollection<EvaluationRequest> requests, IReadOnlyCollection<EvaluationAnswer> answers, IReadOnlyCollection<LearningGain> gains)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(gains);
        var byRequest = answers.ToLookup(a => a.RequestId);
        QuestionnaireResult Of(EvaluationLevel level, EvaluationRole role) =>
            Questionnaire([.. requests.Where(r => r.Level == level && r.Role == role)], byRequest);

        var pre = requests.Where(r => r.Level == EvaluationLevel.PreTest && r.Score is not null).Select(r => r.Score!.Value).ToList();
        var post = requests.Where(r => r.Level == EvaluationLevel.PostTest && r.Score is not null).Select(r => r.Score!.Value).ToList();
        var learning = new LearningResult(pre.Count, post.Count, gains.Count, Mean(pre), Mean(post), Mean([.. gains.Select(g => g.Gain)]));
        var comments = requests.Where(r => r.Level == EvaluationLevel.Reaction)
            .SelectMany(r => byRequest[r.Id]).Where(a => a.Item == EvaluationRecorder.CommentItem && a.Text is not null)
            .Select(a => a.Text!).ToList();
        return new TrainingEvaluationResults(
            trainingCode, title,
            Of(EvaluationLevel.Reaction, EvaluationRole.Participant),
            learning,
            new BehaviourResult(Of(EvaluationLevel.Behaviour, EvaluationRole.Participant), Of(EvaluationLevel.Behaviour, EvaluationRole.Mentor)),
            new BehaviourResult(Of(EvaluationLevel.BehaviourCheckIn, EvaluationRole.Participant), Of(EvaluationLevel.BehaviourCheckIn, EvaluationRole.Mentor)),
            comments);
    }

    /// <summary>Asked means the first ask went out; the response rate is answered over asked.</summary>
    private static QuestionnaireResult Questionnaire(List<EvaluationRequest> requests, ILookup<Guid, EvaluationAnswer> answers)
    {
        var asked = requests.Count(r => r.AskedAt is not null);
        var answered = requests.Where(r => r.Status == EvaluationStatus.Answered).ToList();
        var scores = answered.SelectMany(r => answers[r.Id]).Where(a => a.Score is not null && a.Item != EvaluationRecorder.CommentItem);
        var items = scores.GroupBy(a => a.Item, StringComparer.Ordinal)
            .Select(g =>
            {
                var scored = g.Where(a => a.Score > 0).Select(a => (decimal)a.Score!.Value).ToList();
                return new ItemResult(g.Key, Mean(scored), scored.Count, g.Count(a => a.Score == 0));
            })
            .OrderBy(i => i.Item, StringComparer.Ordinal)
            .ToList();
        return new QuestionnaireResult(
            asked, answered.Count, requests.Count(r => r.Status == EvaluationStatus.NotResponded),
            asked == 0 ? null : Math.Round((decimal)answered.Count / asked, 4, MidpointRounding.AwayFromZero), items);
    }

    private static decimal? Mean(List<decimal> values) =>
        values.Count == 0 ? null : Math.Round(values.Average(), 2, MidpointRounding.AwayFromZero);
}
