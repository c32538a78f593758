using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using AsnBot.Conversations.Engine;
using AsnBot.Knowledge.Privacy;
using AsnBot.Knowledge.Profiles;

namespace AsnBot.Conversations.Actions;

/// <summary>
/// Puts everything held about the person into the dialog's answers (<c>my.*</c>), for the
/// my-data dialog to show; logs that the person looked.
/// </summary>
public sealed class ShowMyDataAction : IDialogAction
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
            .Add("my.processing", Lines(report.RecentProcessing.Select(e => $"{Local(e.At)}: {e.Activity} ({e.Actor})")));
        PersonalData.Log(context.Db, personId, "Anda", "Melihat data pribadi (/dataku)", context.Now);
        return new ActionOutcome { Answers = answers };
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
