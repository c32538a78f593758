using System.Collections.Immutable;
using System.Globalization;
using AsnBot.Conversations.Actions;
using AsnBot.Conversations.Engine;
using AsnBot.Knowledge.LearningHours;
using AsnBot.Knowledge.Mentoring;
using AsnBot.Knowledge.Privacy;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Mentoring;

/// <summary>Finds the mentor's latest session to record and puts <c>m.session</c>, <c>m.mentee</c>, <c>m.date</c> into the answers; none: <c>when_none</c>.</summary>
public sealed class OpenMentoringSessionAction : IDialogAction
{
    public string Name => "mentoring-open-session";

    public async Task<ActionOutcome> RunAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var today = await MentoringDialogs.TodayAsync(context, cancellationToken);
        var next = context.PersonId is { } mentor && today is { } day
            ? await MentoringRecorder.NextToRecordAsync(context.Db, mentor, day, cancellationToken)
            : null;
        if (next is null)
            return new ActionOutcome { Next = context.Arg("when_none") };
        return new ActionOutcome
        {
            Answers = ImmutableDictionary<string, string>.Empty
                .Add("m.session", next.Session.Id.ToString("N"))
                .Add("m.mentee", next.MenteeName)
                .Add("m.date", MentoringDialogs.Date(next.Session.ScheduledOn)),
        };
    }
}

/// <summary>
/// Records the session from the answers <c>held</c>, <c>topic</c>, <c>agreed_action</c>; a held one
/// credits the mentee's JP titled <c>jp_title</c> (<c>{mentor}</c> is the mentor's name). Sets
/// <c>m.jp</c> and <c>m.more</c> (another session waits).
/// </summary>
public sealed class SaveMentoringSessionAction(LearningHoursLedger ledger, JpConversionTable conversion) : IDialogAction
{
    public string Name => "mentoring-save-session";

    public async Task<ActionOutcome> RunAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var none = ImmutableDictionary<string, string>.Empty.Add("m.more", "tidak");
        if (context.PersonId is not { } mentor || !Guid.TryParseExact(context.Answer("m.session"), "N", out var sessionId))
            return new ActionOutcome { Answers = none };
        var name = await context.Db.Set<Person>().Where(p => p.Id == mentor).Select(p => p.FullName).FirstAsync(cancellationToken);
        var title = TextTemplate.Fill(context.Arg("jp_title"), ImmutableDictionary<string, string>.Empty.Add("mentor", name));
        var held = context.Answer("held") == "ya";
        if (await MentoringRecorder.RecordSessionAsync(
                context.Db, ledger, sessionId, mentor, held, context.Answer("topic"), context.Answer("agreed_action"), title, context.Now, cancellationToken))
            PersonalData.Log(context.Db, mentor, "Anda", "Mencatat sesi mentoring", context.Now);
        // Saved now so the look for the next session to record does not find this one again.
        await context.Db.SaveChangesAsync(cancellationToken);
        var today = await MentoringDialogs.TodayAsync(context, cancellationToken);
        var more = today is { } day && await MentoringRecorder.NextToRecordAsync(context.Db, mentor, day, cancellationToken) is not null;
        return new ActionOutcome
        {
            Answers = ImmutableDictionary<string, string>.Empty
                .Add("m.more", more ? "ya" : "tidak")
                .Add("m.jp", conversion.Get(MentoringRecorder.MentoringPath).JpPerUnit.ToString("0.##", CultureInfo.GetCultureInfo("id-ID"))),
        };
    }
}

/// <summary>Finds the mentee's latest held session without a follow-up: <c>m.session</c>, <c>m.date</c>, <c>m.action</c>; none: <c>when_none</c>.</summary>
public sealed class OpenMentoringFollowUpAction : IDialogAction
{
    public string Name => "mentoring-open-follow-up";

    public async Task<ActionOutcome> RunAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var session = context.PersonId is { } mentee ? await MentoringRecorder.NextFollowUpAsync(context.Db, mentee, cancellationToken) : null;
        if (session is null)
            return new ActionOutcome { Next = context.Arg("when_none") };
        return new ActionOutcome
        {
            Answers = ImmutableDictionary<string, string>.Empty
                .Add("m.session", session.Id.ToString("N"))
                .Add("m.date", MentoringDialogs.Date(session.ScheduledOn))
                .Add("m.action", session.AgreedAction ?? "-"),
        };
    }
}

/// <summary>Stores the mentee's answer <c>practice</c> on the session.</summary>
public sealed class SaveMentoringFollowUpAction : IDialogAction
{
    public string Name => "mentoring-save-follow-up";

    public async Task<ActionOutcome> RunAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.PersonId is not { } mentee || !Guid.TryParseExact(context.Answer("m.session"), "N", out var sessionId))
            return ActionOutcome.Continue;
        var session = await (from s in context.Db.Set<MentoringSession>()
                             join p in context.Db.Set<MentoringPair>() on s.PairId equals p.Id
                             where s.Id == sessionId && p.MenteeId == mentee
                             select s).FirstOrDefaultAsync(cancellationToken);
        if (session is not null)
            session.MenteePractice = context.Answer("practice");
        return ActionOutcome.Continue;
    }
}

/// <summary>
/// The person's change project: <c>cp.*</c> (title, dates, milestone lines) when there is one;
/// <c>when_none</c> for an alumnus without one; <c>when_not_alumnus</c> otherwise.
/// </summary>
public sealed class OpenChangeProjectAction(MentoringSettings settings) : IDialogAction
{
    public string Name => "change-project-open";

    public async Task<ActionOutcome> RunAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.PersonId is not { } person)
            return new ActionOutcome { Next = context.Arg("when_unregistered") };
        var alumnus = await ChangeProjects.AlumnusOfAsync(context.Db, settings, person, cancellationToken);
        var project = await ChangeProjects.CurrentAsync(context.Db, person, cancellationToken);
        if (project is null)
        {
            return alumnus is null
                ? new ActionOutcome { Next = context.Arg("when_not_alumnus") }
                : new ActionOutcome
                {
                    Next = context.Arg("when_none"),
                    Answers = ImmutableDictionary<string, string>.Empty.Add("cp.training", alumnus.TrainingTitle).Add("cp.training_code", alumnus.TrainingCode),
                };
        }
        return new ActionOutcome { Answers = MentoringDialogs.Describe(project, alumnus?.TrainingTitle ?? project.TrainingCode, settings) };
    }
}

/// <summary>Starts the change project titled by the answer named in <c>title</c>, for the alumnus's training.</summary>
public sealed class StartChangeProjectAction(MentoringSettings settings) : IDialogAction
{
    public string Name => "change-project-start";

    public async Task<ActionOutcome> RunAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.PersonId is not { } person || await ChangeProjects.AlumnusOfAsync(context.Db, settings, person, cancellationToken) is not { } alumnus)
            return ActionOutcome.Continue;
        var today = await MentoringDialogs.TodayAsync(context, cancellationToken) ?? DateOnly.FromDateTime(context.Now.UtcDateTime);
        ChangeProjects.Start(context.Db, settings, person, alumnus.TrainingCode, context.Answer(context.Arg("title")), today, context.Now);
        await context.Db.SaveChangesAsync(cancellationToken);
        return new ActionOutcome { Answers = ImmutableDictionary<string, string>.Empty.Add("cp.days", settings.ChangeProjectDays.ToString(CultureInfo.InvariantCulture)) };
    }
}

/// <summary>Ticks off the next milestone (<c>cp.done</c> is its title); with all done it goes to <c>when_all_done</c>.</summary>
public sealed class CompleteChangeProjectMilestoneAction : IDialogAction
{
    public string Name => "change-project-complete";

    public async Task<ActionOutcome> RunAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var project = context.PersonId is { } person ? await ChangeProjects.CurrentAsync(context.Db, person, cancellationToken) : null;
        var done = project is null ? null : ChangeProjects.CompleteNext(project, context.Now);
        if (done is null)
            return new ActionOutcome { Next = context.Arg("when_all_done") };
        await context.Db.SaveChangesAsync(cancellationToken);
        if (project!.Milestones.All(m => m.DoneAt is not null))
            return new ActionOutcome { Next = context.Arg("when_all_done") };
        return new ActionOutcome { Answers = ImmutableDictionary<string, string>.Empty.Add("cp.done", done.Title) };
    }
}
