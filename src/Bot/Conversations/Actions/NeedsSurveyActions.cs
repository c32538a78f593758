using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using AsnBot.Conversations.Engine;
using AsnBot.Knowledge.Competencies;
using AsnBot.Knowledge.Privacy;
using AsnBot.Knowledge.Profiles;
using AsnBot.Knowledge.Recommendations;
using AsnBot.Knowledge.Surveys;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Conversations.Actions;

/// <summary>
/// Opens the needs survey: only for a registered person; queues the managerial and
/// socio-cultural competencies for rating (<c>core</c>) and notes when the survey started.
/// </summary>
public sealed class BeginNeedsSurveyAction(CompetencyFramework competencies) : IDialogAction
{
    public string Name => "survey-begin";

    public bool ReadsOnly => true;

    public Task<ActionOutcome> RunAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.PersonId is null)
            return Task.FromResult(new ActionOutcome { Next = context.Arg("when_unregistered") });
        var answers = ImmutableDictionary<string, string>.Empty
            .Add("core", string.Join(',', competencies.Core.Select(c => c.Code)))
            .Add("survey.started_at", context.Now.UtcTicks.ToString(CultureInfo.InvariantCulture));
        return Task.FromResult(new ActionOutcome { Answers = answers });
    }
}

/// <summary>
/// Takes the next competency off a queue of codes (the answer named by <c>queue</c>) and
/// explains it for the rating step in plain words: its name, what it means and what each
/// level looks like. With the queue empty it goes to <c>when_done</c>.
/// </summary>
public sealed class NextCompetencyRatingAction(CompetencyFramework competencies) : IDialogAction
{
    public string Name => "survey-next-rating";

    public bool ReadsOnly => true;

    public Task<ActionOutcome> RunAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var queueKey = context.Arg("queue");
        var queue = context.Answer(queueKey).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        while (queue.Count > 0 && competencies.Find(queue[0]) is null)
            queue.RemoveAt(0);
        if (queue.Count == 0)
            return Task.FromResult(new ActionOutcome { Next = context.Arg("when_done"), Answers = ImmutableDictionary<string, string>.Empty.Add(queueKey, "") });

        var competency = competencies.Get(queue[0]);
        var levels = new StringBuilder();
        foreach (var (level, sentence) in competency.Levels.OrderBy(l => l.Key))
            levels.Append(level.ToString(CultureInfo.InvariantCulture)).Append(" · ").AppendLine(sentence);
        var answers = ImmutableDictionary<string, string>.Empty
            .Add(queueKey, string.Join(',', queue.Skip(1)))
            .Add("rate.code", competency.Code)
            .Add("rate.name", competency.Name)
            .Add("rate.description", competency.Description)
            .Add("rate.levels", levels.ToString().TrimEnd())
            .Add("rate.back", context.Arg("self"));
        return Task.FromResult(new ActionOutcome { Answers = answers, Next = context.Arg("rate_step") is { Length: > 0 } step ? step : "rate" });
    }
}

/// <summary>Keeps the rating just given as <c>rating.&lt;code&gt;</c> and goes back for the next competency.</summary>
public sealed class RecordCompetencyRatingAction : IDialogAction
{
    public string Name => "survey-record-rating";

    public bool ReadsOnly => true;

    public Task<ActionOutcome> RunAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var key = context.Arg("answer") is { Length: > 0 } answer ? answer : "rate";
        var answers = ImmutableDictionary<string, string>.Empty.Add("rating." + context.Answer("rate.code"), context.Answer(key));
        return Task.FromResult(new ActionOutcome { Answers = answers, Next = context.Answer("rate.back") });
    }
}

/// <summary>
/// Saves the survey as a new one (history kept): gaps against the person's job level and a
/// development-plan row per gap. Sets <c>survey.gaps</c>, one <c>gap_line</c> per gap.
/// </summary>
public sealed class SaveNeedsSurveyAction(RecommendationService recommendations) : IDialogAction
{
    public const string AnyMode = "bebas";

    public string Name => "save-needs-survey";

    public async Task<ActionOutcome> RunAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var person = context.PersonId is { } id
            ? await context.Db.Set<Person>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            : null;
        if (person is null)
            return new ActionOutcome { Next = context.Arg("when_unregistered") };

        var ratings = context.Request.Answers
            .Where(a => a.Key.StartsWith("rating.", StringComparison.Ordinal))
            .Select(a => (Code: a.Key["rating.".Length..], Ok: int.TryParse(a.Value, CultureInfo.InvariantCulture, out var level), Level: level))
            .Where(r => r.Ok)
            .ToDictionary(r => r.Code, r => r.Level, StringComparer.Ordinal);
        var mode = context.Answer("preferred_mode");
        var startedAt = long.TryParse(context.Answer("survey.started_at"), CultureInfo.InvariantCulture, out var ticks) ? new DateTimeOffset(ticks, TimeSpan.Zero) : context.Now;
        var survey = await NeedsSurveys.SaveAsync(
            context.Db, recommendations, person.Id, person.JobLevel, person.Province,
            new SurveyAnswers(ratings, context.Answer("challenge"), mode == AnyMode ? "" : mode, context.Answer("availability"), startedAt),
            context.Now, cancellationToken);
        PersonalData.Log(context.Db, person.Id, "Anda", "Mengisi survei kebutuhan pengembangan kompetensi", context.Now);

        var lines = new StringBuilder();
        foreach (var rating in survey.Ratings.Where(r => r.Gap > 0).OrderByDescending(r => r.Gap).ThenBy(r => r.CompetencyCode, StringComparer.Ordinal))
        {
            var values = ImmutableDictionary<string, string>.Empty
                .Add("competency", recommendations.Competencies.Get(rating.CompetencyCode).Name)
                .Add("current", rating.CurrentLevel.ToString(CultureInfo.InvariantCulture))
                .Add("required", rating.RequiredLevel.ToString(CultureInfo.InvariantCulture))
                .Add("gap", rating.Gap.ToString(CultureInfo.InvariantCulture));
            lines.AppendLine(TextTemplate.Fill(context.Arg("gap_line"), values));
        }
        var gaps = lines.Length == 0 ? context.Arg("no_gap") : lines.ToString().TrimEnd();
        return new ActionOutcome { Answers = ImmutableDictionary<string, string>.Empty.Add("survey.gaps", gaps) };
    }
}
