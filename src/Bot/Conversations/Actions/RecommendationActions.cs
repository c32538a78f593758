using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using AsnBot.Conversations.Engine;
using AsnBot.Knowledge.Enrollments;
using AsnBot.Knowledge.Privacy;
using AsnBot.Knowledge.Recommendations;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Conversations.Actions;

/// <summary>
/// The recommendation screen. The first time it shows the top trainings for the person's
/// latest survey; afterwards it reads what the person did at the <c>pick</c> step: a
/// "Daftar minat" button records an interest enrollment, "Lihat detail" shows the
/// training, and typed words search the catalog. Every text comes from the dialog's args.
/// </summary>
public sealed class RecommendTrainingsAction(RecommendationService recommendations) : IDialogAction
{
    public const string InterestPrefix = "minat:";
    public const string DetailPrefix = "detail:";
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public string Name => "recommend-trainings";

    public async Task<ActionOutcome> RunAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.PersonId is not { } personId)
            return new ActionOutcome { Next = context.Arg("when_unregistered") };
        var picked = context.Answer(context.Arg("answer") is { Length: > 0 } key ? key : "pick").Trim();
        var next = context.Arg("then");
        if (picked.StartsWith(InterestPrefix, StringComparison.Ordinal))
            return await RecordInterestAsync(context, personId, picked[InterestPrefix.Length..], next, cancellationToken);
        if (picked.StartsWith(DetailPrefix, StringComparison.Ordinal))
            return await DetailAsync(context, picked[DetailPrefix.Length..], next, cancellationToken);
        return await RecommendAsync(context, personId, picked, next, cancellationToken);
    }

    private async Task<ActionOutcome> RecommendAsync(ActionContext context, Guid personId, string query, string next, CancellationToken cancellationToken)
    {
        var top = int.TryParse(context.Arg("top"), CultureInfo.InvariantCulture, out var n) ? n : 3;
        var request = await RecommendationService.RequestForPersonAsync(context.Db, personId, query, top, context.Now, cancellationToken);
        if (request is null)
            return new ActionOutcome { Next = context.Arg("when_unregistered") };
        var isSearch = query.Length > 0;
        if (!isSearch && request.Gaps.Count == 0 && string.IsNullOrWhiteSpace(request.Text))
            return ActionOutcome.GoTo(next, new Reply(context.Arg("no_survey")));

        var recommendation = await recommendations.RecommendAsync(context.Db, request, cancellationToken);
        if (recommendation.Items.Count == 0)
            return ActionOutcome.GoTo(next, new Reply(context.Arg("none")));
        var replies = ImmutableList.CreateBuilder<Reply>();
        var intro = isSearch ? context.Arg("intro_search") : context.Arg("intro_survey");
        replies.Add(new Reply(TextTemplate.Fill(intro, ImmutableDictionary<string, string>.Empty.Add("query", query))));
        foreach (var (item, rank) in recommendation.Items.Select((item, i) => (item, i + 1)))
        {
            var values = ImmutableDictionary<string, string>.Empty
                .Add("rank", rank.ToString(CultureInfo.InvariantCulture))
                .Add("title", item.Title)
                .Add("code", item.Code)
                .Add("mode", item.Mode)
                .Add("jp", item.Jp.ToString(CultureInfo.InvariantCulture))
                .Add("provider", item.Provider)
                .Add("reasons", string.Join("; ", item.Reasons));
            replies.Add(new Reply(TextTemplate.Fill(context.Arg("item"), values)) { Choices = Buttons(context, item.Code) });
        }
        if (!isSearch && recommendation.Mix.Count > 0)
        {
            var lines = string.Join("\n", recommendation.Mix.Select(m => TextTemplate.Fill(context.Arg("mix_line"),
                ImmutableDictionary<string, string>.Empty.Add("part", m.Part).Add("title", m.Training.Title).Add("code", m.Training.Code))));
            replies.Add(new Reply(TextTemplate.Fill(context.Arg("mix"), ImmutableDictionary<string, string>.Empty.Add("mix", lines))));
        }
        return new ActionOutcome { Replies = replies.ToImmutable(), Next = next };
    }

    private async Task<ActionOutcome> RecordInterestAsync(ActionContext context, Guid personId, string code, string next, CancellationToken cancellationToken)
    {
        var recommender = await recommendations.RecommenderAsync(context.Db, cancellationToken);
        if (recommender.Find(code) is not { } training)
            return ActionOutcome.GoTo(next, new Reply(context.Arg("unknown_training")));
        var values = ImmutableDictionary<string, string>.Empty.Add("title", training.Title).Add("code", training.Code);
        var exists = await context.Db.Set<Enrollment>().AnyAsync(e => e.PersonId == personId && e.TrainingCode == training.Code, cancellationToken);
        if (exists)
            return ActionOutcome.GoTo(next, new Reply(TextTemplate.Fill(context.Arg("interest_exists"), values)));
        context.Db.Add(new Enrollment { PersonId = personId, TrainingCode = training.Code, Status = EnrollmentStatus.Interest, CreatedAt = context.Now });
        PersonalData.Log(context.Db, personId, "Anda", "Mendaftarkan minat pada pelatihan " + training.Code, context.Now);
        return ActionOutcome.GoTo(next, new Reply(TextTemplate.Fill(context.Arg("interest_recorded"), values)));
    }

    private async Task<ActionOutcome> DetailAsync(ActionContext context, string code, string next, CancellationToken cancellationToken)
    {
        var recommender = await recommendations.RecommenderAsync(context.Db, cancellationToken);
        if (recommender.Find(code) is not { } training)
            return ActionOutcome.GoTo(next, new Reply(context.Arg("unknown_training")));
        var today = DateOnly.FromDateTime(context.Now.UtcDateTime);
        var sessions = new StringBuilder();
        foreach (var session in training.Sessions.Where(s => s.Start > today).OrderBy(s => s.Start))
        {
            sessions.AppendLine(TextTemplate.Fill(context.Arg("session_line"), ImmutableDictionary<string, string>.Empty
                .Add("start", session.Start.ToString("d MMMM yyyy", Indonesian))
                .Add("end", session.End.ToString("d MMMM yyyy", Indonesian))
                .Add("place", session.Place)
                .Add("quota", session.Quota.ToString(CultureInfo.InvariantCulture))));
        }
        var competencies = training.Competencies.Select(c =>
            $"{recommendations.Competencies.Find(c.CompetencyCode)?.Name ?? c.CompetencyCode} (level {c.Level.ToString(CultureInfo.InvariantCulture)})");
        var values = ImmutableDictionary<string, string>.Empty
            .Add("title", training.Title)
            .Add("code", training.Code)
            .Add("description", training.Description)
            .Add("competencies", string.Join(", ", competencies))
            .Add("mode", training.Mode.ToString().ToLowerInvariant())
            .Add("jp", training.Jp.ToString(CultureInfo.InvariantCulture))
            .Add("provider", training.Provider)
            .Add("sessions", sessions.Length == 0 ? context.Arg("no_sessions") : sessions.ToString().TrimEnd());
        return ActionOutcome.GoTo(next, new Reply(TextTemplate.Fill(context.Arg("detail"), values)) { Choices = Buttons(context, training.Code, withDetail: false) });
    }

    private static ImmutableList<ReplyChoice> Buttons(ActionContext context, string code, bool withDetail = true)
    {
        var buttons = ImmutableList.Create(new ReplyChoice(context.Arg("interest_button"), InterestPrefix + code));
        return withDetail ? buttons.Add(new ReplyChoice(context.Arg("detail_button"), DetailPrefix + code)) : buttons;
    }
}
