using System.Globalization;
using AsnBot.Conversations.Actions;
using AsnBot.Conversations.Engine;
using AsnBot.Knowledge.LearningHours;

namespace AsnBot.Learning;

/// <summary>
/// Files the claim for the certificate the person just sent: answers <c>title</c>, <c>path</c>,
/// <c>learned_on</c> and <c>jp</c> become a ledger entry awaiting the coordinator's verification.
/// </summary>
public sealed class ClaimCertificateAction(Certificates certificates) : IDialogAction
{
    public string Name => "claim-certificate";

    public async Task<ActionOutcome> RunAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.PersonId is not { } personId
            || !DateOnly.TryParseExact(context.Answer("learned_on"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var learnedOn)
            || !decimal.TryParse(context.Answer("jp"), NumberStyles.Number, CultureInfo.InvariantCulture, out var jp))
            return new ActionOutcome { Next = context.Arg("when_no_file") };
        var entry = await certificates.ClaimAsync(personId, context.Answer("title"), context.Answer("path"), jp, learnedOn, cancellationToken);
        return entry is null ? new ActionOutcome { Next = context.Arg("when_no_file") } : ActionOutcome.Continue;
    }
}
