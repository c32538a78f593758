using System.Collections.Immutable;
using System.Globalization;
using AsnBot.Conversations.Engine;
using AsnBot.Knowledge.LearningHours;
using AsnBot.Learning;

namespace AsnBot.Conversations.Actions;

/// <summary>
/// Puts the person's JP this year into the dialog's answers (<c>jp.*</c>) for the jp-saya dialog:
/// the total against 20, what is left, each credited activity, the claims awaiting review, and
/// what to do next (<c>jp.next</c>).
/// </summary>
public sealed class ShowLearningHoursAction(LearningHoursLedger ledger, NextLearningSuggestion suggestion) : IDialogAction
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public string Name => "show-learning-hours";

    public bool ReadsOnly => true;

    public async Task<ActionOutcome> RunAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.PersonId is not { } personId)
            return new ActionOutcome { Next = context.Arg("when_unregistered") };

        var year = await ledger.ThisYearAsync(personId, cancellationToken).ConfigureAwait(false);
        var answers = ImmutableDictionary<string, string>.Empty
            .Add("jp.year", year.Year.ToString(CultureInfo.InvariantCulture))
            .Add("jp.total", Jp(year.CreditedJp))
            .Add("jp.target", Jp(year.TargetJp))
            .Add("jp.remaining", Jp(year.RemainingJp))
            .Add("jp.activities", Lines(year.Entries, context.Arg("none")))
            .Add("jp.pending", Lines(year.Pending, context.Arg("none")))
            .Add("jp.reached", year.HasReachedTarget ? "ya" : "tidak")
            .Add("jp.next", await suggestion.ForAsync(context, personId, cancellationToken).ConfigureAwait(false));
        return new ActionOutcome { Answers = answers };
    }

    /// <summary>"7,5" and "20": Indonesian decimals, no trailing zeros.</summary>
    internal static string Jp(decimal value) => value.ToString("0.##", Indonesian);

    private static string Lines(IReadOnlyList<LearningHoursEntry> entries, string none) =>
        entries.Count == 0
            ? none
            : string.Join('\n', entries.Select(e => $"• {e.LearnedOn.ToString("d MMM yyyy", Indonesian)}: {e.Title} ({Jp(e.Jp)} JP)"));
}
