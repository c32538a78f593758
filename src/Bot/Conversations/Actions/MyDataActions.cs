using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using AsnBot.Conversations.Engine;
using AsnBot.Evaluation;
using AsnBot.Knowledge.Catalog;
using AsnBot.Knowledge.Competencies;
using AsnBot.Knowledge.Enrollments;
using AsnBot.Knowledge.Learning;
using AsnBot.Knowledge.Privacy;
using AsnBot.Knowledge.Surveys;
using Microsoft.EntityFrameworkCore;
using AsnBot.Knowledge.Profiles;

namespace AsnBot.Conversations.Actions;

/// <summary>
/// Puts everything held about the person into the dialog's answers (<c>my.*</c>), for the
/// my-data dialog to show; logs that the person looked.
/// </summary>
public sealed class ShowMyDataAction(CompetencyFramework competencies, LearningModules modules) : IDialogAction
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public string Name => "show-my-data";

    public async Task<ActionOutcome> RunAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.PersonId is not { } personId
            || await PersonalData.ReportAsync(context.Db, personId, cancellationToken).ConfigureAwait(false) is not { } report)
            return new ActionOutcome { Next = context.Arg("when_unregistered") };

        var person = report.Person;
        var zone = person.TimeZone;
        string Local(DateTimeOffset at) => zone.ToLocal(at).ToString("d MMM yyyy HH.mm", Indonesian) + " " + zone;
        var answers = ImmutableDictionary<string, string>.Empty
            .Add("my.nip", person.Nip)
            .Add("my.name", person.FullName)
            .Add("my.agency", person.Agency)
            .Add("my.unit", person.Unit)
            .Add("my.position", person.Position)
            .Add("my.job_level", JobLevelLabel(context, person.JobLevel))
            .Add("my.province", person.Province)
            .Add("my.city", person.City)
            .Add("my.time_zone", zone.ToString())
            .Add("my.lesson_hour", person.LessonHour.ToString("00", CultureInfo.InvariantCulture) + ".00")
            .Add("my.registered_at", Local(person.RegisteredAt))
            .Add("my.channels", Lines(report.Channels.Select(c => $"{c.Channel} ({Local(c.LinkedAt)})")))
            .Add("my.consents", Lines(report.Consents.Select(c => $"versi {c.TextVersion}, {Local(c.GivenAt)}")))
            .Add("my.processing", Lines(report.RecentProcessing.Select(e => $"{Local(e.At)}: {e.Activity} ({e.Actor})")))
            .Add("my.surveys", Lines(await SurveyLinesAsync(context, personId, Local, cancellationToken).ConfigureAwait(false)))
            .Add("my.interests", Lines(await InterestLinesAsync(context, personId, Local, cancellationToken).ConfigureAwait(false)));
        // Item labels from the turn's dialogs: the dialog set is validated against the actions, so an
        // action cannot take the singleton built from it.
        var learning = await MyLearning.ForAsync(context, personId, modules, new EvaluationItemLabels(context.Dialogs), Local, cancellationToken).ConfigureAwait(false);
        answers = answers.SetItems(learning);
        PersonalData.Log(context.Db, personId, "Anda", "Melihat data pribadi (/dataku)", context.Now);
        return new ActionOutcome { Answers = answers };
    }

    /// <summary>Every needs survey, newest first, with its gaps (required minus current level) by competency name.</summary>
    private async Task<List<string>> SurveyLinesAsync(ActionContext context, Guid personId, Func<DateTimeOffset, string> local, CancellationToken cancellationToken)
    {
        var surveys = await context.Db.Set<NeedsSurvey>().AsNoTracking().Include(s => s.Ratings)
            .Where(s => s.PersonId == personId).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. surveys.OrderByDescending(s => s.CompletedAt).Select(s =>
        {
            var gaps = s.Ratings.Where(r => r.Gap > 0).OrderByDescending(r => r.Gap).ThenBy(r => r.CompetencyCode, StringComparer.Ordinal)
                .Select(r => TextTemplate.Fill(context.Arg("gap_item"), ImmutableDictionary<string, string>.Empty
                    .Add("competency", competencies.Find(r.CompetencyCode)?.Name ?? r.CompetencyCode)
                    .Add("current", r.CurrentLevel.ToString(CultureInfo.InvariantCulture))
                    .Add("required", r.RequiredLevel.ToString(CultureInfo.InvariantCulture))))
                .ToList();
            return TextTemplate.Fill(context.Arg("survey_line"), ImmutableDictionary<string, string>.Empty
                .Add("date", local(s.CompletedAt))
                .Add("gaps", gaps.Count == 0 ? context.Arg("no_gap") : string.Join("; ", gaps)));
        })];
    }

    /// <summary>Every training the person showed interest in or enrolled in, with its status.</summary>
    private static async Task<List<string>> InterestLinesAsync(ActionContext context, Guid personId, Func<DateTimeOffset, string> local, CancellationToken cancellationToken)
    {
        var enrollments = await context.Db.Set<Enrollment>().AsNoTracking().Where(e => e.PersonId == personId)
            .Join(context.Db.Set<Training>(), e => e.TrainingCode, t => t.Code, (e, t) => new { e.TrainingCode, t.Title, e.Status, e.CreatedAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. enrollments.OrderBy(e => e.CreatedAt).Select(e => TextTemplate.Fill(context.Arg("interest_line"), ImmutableDictionary<string, string>.Empty
            .Add("title", e.Title)
            .Add("code", e.TrainingCode)
            .Add("status", context.Arg("status." + e.Status) is { Length: > 0 } label ? label : e.Status.ToString())
            .Add("date", local(e.CreatedAt))))];
    }

    /// <summary>The job level as the registration buttons call it, e.g. "Fungsional Ahli Muda".</summary>
    private static string JobLevelLabel(ActionContext context, string value) =>
        context.Dialogs.Get(Dialogs.WellKnownDialogs.Registration).Find("job_level")?.Options
            .FirstOrDefault(o => o.Value == value)?.Label ?? value;

    private static string Lines(IEnumerable<string> items)
    {
        var text = new StringBuilder();
        foreach (var item in items)
            text.Append("• ").AppendLine(item);
        return text.Length == 0 ? "-" : text.ToString().TrimEnd();
    }
}

/// <summary>Deletes every row of the person, after the dialog has asked for confirmation.</summary>
public sealed class DeleteMyDataAction : IDialogAction
{
    public string Name => "delete-my-data";

    public async Task<ActionOutcome> RunAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.PersonId is { } personId)
            await PersonalData.EraseAsync(context.Db, personId, cancellationToken).ConfigureAwait(false);
        context.PersonId = null;
        return ActionOutcome.Continue;
    }
}
