using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using AsnBot.Conversations.Actions;
using AsnBot.Knowledge.Mentoring;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Mentoring;

/// <summary>What the mentoring actions share: the person's local today, Indonesian dates, a change project as text.</summary>
internal static class MentoringDialogs
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public static string Date(DateOnly day) => day.ToString("dddd, d MMMM yyyy", Indonesian);

    public static async Task<DateOnly?> TodayAsync(ActionContext context, CancellationToken cancellationToken)
    {
        if (context.PersonId is not { } person)
            return null;
        var zone = await context.Db.Set<Person>().Where(p => p.Id == person).Select(p => (IndonesianTimeZone?)p.TimeZone).FirstOrDefaultAsync(cancellationToken);
        return zone is { } z ? DateOnly.FromDateTime(z.ToLocal(context.Now).DateTime) : null;
    }

    public static ImmutableDictionary<string, string> Describe(ChangeProject project, string trainingTitle, MentoringSettings settings)
    {
        var lines = new StringBuilder();
        foreach (var milestone in project.Milestones.OrderBy(m => m.Number))
        {
            lines.Append(milestone.DoneAt is null ? "⬜ " : "✅ ")
                .Append(milestone.Number.ToString(CultureInfo.InvariantCulture)).Append(". ")
                .Append(milestone.Title).Append(" (").Append(milestone.DueOn.ToString("d MMM", Indonesian)).AppendLine(")");
        }
        return ImmutableDictionary<string, string>.Empty
            .Add("cp.title", project.Title)
            .Add("cp.training", trainingTitle)
            .Add("cp.start", project.StartedOn.ToString("d MMMM yyyy", Indonesian))
            .Add("cp.due", project.DueOn.ToString("d MMMM yyyy", Indonesian))
            .Add("cp.days", settings.ChangeProjectDays.ToString(CultureInfo.InvariantCulture))
            .Add("cp.milestones", lines.ToString().TrimEnd());
    }
}
