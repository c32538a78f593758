using System.Collections.Immutable;
using System.Globalization;
using AsnBot.Conversations.Engine;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Conversations.Actions;

/// <summary>
/// Fills the registration answers from a saved profile and sets <c>registered=ya</c>, so
/// the registration dialog doubles as "correct my data". Does nothing for a newcomer.
/// </summary>
public sealed class LoadProfileAction : IDialogAction
{
    public string Name => "load-profile";

    public bool ReadsOnly => true;

    public async Task<ActionOutcome> RunAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.PersonId is not { } id)
            return ActionOutcome.Continue;
        var person = await context.Db.Set<Person>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (person is null)
            return ActionOutcome.Continue;

        var dialog = context.Dialogs.Get(context.Request.DialogId);
        var answers = ImmutableDictionary.CreateBuilder<string, string>();
        void Set(string key, string value)
        {
            answers[key] = value;
            // Choice answers are shown by their label, as if the person had pressed the button.
            if (dialog.Find(key)?.Options.FirstOrDefault(o => o.Value == value) is { } option)
                answers[key + ":label"] = option.Label;
        }
        Set("registered", "ya");
        Set("nip", person.Nip);
        Set("name", person.FullName);
        Set("agency", person.Agency);
        Set("unit", person.Unit);
        Set("position", person.Position);
        Set("job_level", person.JobLevel);
        Set("province", person.Province);
        Set("time_zone", person.TimeZone.ToString());
        Set("city", person.City);
        Set("lesson_hour", person.LessonHour.ToString(CultureInfo.InvariantCulture));
        return new ActionOutcome { Answers = answers.ToImmutable() };
    }
}
