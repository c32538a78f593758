using AsnBot.Conversations.Actions;
using AsnBot.Conversations.Engine;
using AsnBot.Knowledge.Catalog;
using AsnBot.Knowledge.Learning;
using AsnBot.Knowledge.Surveys;
using Microsoft.EntityFrameworkCore;
using System.Collections.Immutable;
using System.Globalization;

namespace AsnBot.Learning;

/// <summary>
/// "What next" for JP saya: the next lesson of the module in progress; else the first training of
/// the person's development plan (from the needs survey); else an invitation to start. Texts are
/// the dialog's args <c>next_lesson</c>, <c>next_training</c> and <c>next_start</c>.
/// </summary>
public sealed class NextLearningSuggestion(DailyLearning learning, LearningModules modules)
{
    public async Task<string> ForAsync(ActionContext context, Guid personId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await learning.ActiveAsync(personId, cancellationToken).ConfigureAwait(false) is { } active
            && modules.Find(active.ModuleId) is { } module && active.LessonsDone < module.Lessons.Count
            && context.Dialogs.Contains(module.Lessons[active.LessonsDone]))
        {
            return Fill(context.Arg("next_lesson"), ("title", context.Dialogs.Get(module.Lessons[active.LessonsDone]).Title), ("module", module.Title));
        }
        var survey = await NeedsSurveys.LatestAsync(context.Db, personId, cancellationToken).ConfigureAwait(false);
        var code = survey?.Plan.OrderByDescending(p => p.Gap).Select(p => p.TrainingCode).FirstOrDefault(c => c is not null);
        if (code is not null
            && await context.Db.Set<Training>().AsNoTracking().FirstOrDefaultAsync(t => t.Code == code, cancellationToken).ConfigureAwait(false) is { } training)
        {
            return Fill(context.Arg("next_training"), ("title", training.Title), ("code", training.Code), ("jp", training.Jp.ToString(CultureInfo.InvariantCulture)));
        }
        return context.Arg("next_start");
    }

    private static string Fill(string template, params (string Key, string Value)[] values) =>
        TextTemplate.Fill(template, values.ToImmutableDictionary(v => v.Key, v => v.Value));
}
