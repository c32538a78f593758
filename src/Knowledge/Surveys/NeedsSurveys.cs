using AsnBot.Knowledge.Competencies;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Recommendations;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Knowledge.Surveys;

/// <summary>The answers of one survey, as the dialog collected them.</summary>
public sealed record SurveyAnswers(
    IReadOnlyDictionary<string, int> SelfRatings,
    string Challenge,
    string PreferredMode,
    string Availability,
    DateTimeOffset StartedAt);

/// <summary>Recording a survey: the gaps against the job level, and a plan row per gap.</summary>
public static class NeedsSurveys
{
    public static async Task<NeedsSurvey?> LatestAsync(AsnBotDbContext db, Guid personId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Set<NeedsSurvey>().AsNoTracking().AsSplitQuery()
            .Include(s => s.Ratings).Include(s => s.Plan)
            .Where(s => s.PersonId == personId)
            .OrderByDescending(s => s.CompletedAt)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Self-ratings against the levels the job level requires (PP 11/2017 art. 206).</summary>
    public static List<CompetencyRating> Rate(CompetencyFramework competencies, string jobLevel, IReadOnlyDictionary<string, int> selfRatings)
    {
        ArgumentNullException.ThrowIfNull(competencies);
        ArgumentNullException.ThrowIfNull(selfRatings);
        return [.. selfRatings
            .Where(r => competencies.Find(r.Key) is not null && r.Value is >= 1 and <= 5)
            .Select(r => new CompetencyRating
            {
                CompetencyCode = competencies.Get(r.Key).Code,
                CurrentLevel = r.Value,
                RequiredLevel = competencies.RequiredLevel(r.Key, jobLevel) ?? r.Value,
            })];
    }

    /// <summary>
    /// One plan row per gap, biggest gap first: the training the recommender ranks first for
    /// that competency alone decides the path, the provider, the first suitable session and,
    /// from the training's cost, the budget.
    /// </summary>
    public static List<DevelopmentPlanRow> Plan(TrainingRecommender recommender, IEnumerable<CompetencyRating> ratings, RecommendationRequest context)
    {
        ArgumentNullException.ThrowIfNull(recommender);
        ArgumentNullException.ThrowIfNull(context);
        var rows = new List<DevelopmentPlanRow>();
        foreach (var rating in ratings.Where(r => r.Gap > 0).OrderByDescending(r => r.Gap).ThenBy(r => r.CompetencyCode, StringComparer.Ordinal))
        {
            var request = context with
            {
                Text = null,
                Gaps = [new CompetencyGap(rating.CompetencyCode, rating.Gap, rating.CurrentLevel, rating.RequiredLevel)],
                Top = 1,
            };
            if (recommender.Recommend(request).Items is not [var best, ..])
                continue;
            rows.Add(new DevelopmentPlanRow
            {
                CompetencyCode = rating.CompetencyCode,
                Gap = rating.Gap,
                Path = best.Path,
                TrainingCode = best.Code,
                Provider = best.Provider,
                PlannedStart = best.NextSessionStart,
                SessionId = best.NextSessionId,
                EstimatedBudget = recommender.Find(best.Code)?.Cost,
            });
        }
        return rows;
    }

    /// <summary>Adds a new survey (earlier ones stay as history) with its ratings and plan.</summary>
    public static async Task<NeedsSurvey> SaveAsync(
        AsnBotDbContext db, RecommendationService recommendations, Guid personId, string jobLevel, string province,
        SurveyAnswers answers, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(recommendations);
        ArgumentNullException.ThrowIfNull(answers);
        var ratings = Rate(recommendations.Competencies, jobLevel, answers.SelfRatings);
        var recommender = await recommendations.RecommenderAsync(db, cancellationToken).ConfigureAwait(false);
        var context = new RecommendationRequest
        {
            JobLevel = jobLevel,
            PreferredMode = answers.PreferredMode,
            Province = province,
            Today = DateOnly.FromDateTime(now.UtcDateTime),
        };
        var survey = new NeedsSurvey
        {
            PersonId = personId,
            JobLevel = jobLevel,
            StartedAt = answers.StartedAt,
            CompletedAt = now,
            Challenge = answers.Challenge,
            PreferredMode = answers.PreferredMode,
            Availability = answers.Availability,
            Ratings = ratings,
            Plan = Plan(recommender, ratings, context),
        };
        db.Add(survey);
        return survey;
    }
}
