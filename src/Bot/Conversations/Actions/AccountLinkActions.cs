using System.Collections.Immutable;
using AsnBot.Conversations.Engine;
using AsnBot.Knowledge.Linking;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Conversations.Actions;

/// <summary>Shows a registered person a one-time code (answer <c>link_code</c>) for linking another channel.</summary>
public sealed class IssueLinkCodeAction : IDialogAction
{
    public string Name => "issue-link-code";

    public async Task<ActionOutcome> RunAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.PersonId is not { } personId)
            return new ActionOutcome { Next = context.Arg("when_unregistered") };
        var code = await AccountLinking.IssueCodeAsync(context.Db, personId, context.Now, cancellationToken).ConfigureAwait(false);
        return new ActionOutcome { Answers = ImmutableDictionary<string, string>.Empty.Add("link_code", code) };
    }
}

/// <summary>
/// Links the channel the person writes from to the profile holding the NIP they typed, when the
/// code they typed is that profile's live code. Otherwise goes to <c>when_wrong</c> or
/// <c>when_invalid</c> with the matching text, so the dialog can offer another try.
/// </summary>
public sealed class RedeemLinkCodeAction : IDialogAction
{
    public string Name => "redeem-link-code";

    public async Task<ActionOutcome> RunAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (outcome, personId) = await AccountLinking.RedeemAsync(
            context.Db, context.Answer("nip"), context.Answer(context.Arg("answer") is { Length: > 0 } key ? key : "link_code"),
            context.User.Channel, context.User.Address, context.Now, cancellationToken).ConfigureAwait(false);
        switch (outcome)
        {
            case LinkOutcome.Linked:
                context.PersonId = personId;
                var name = await context.Db.Set<Person>().Where(p => p.Id == personId).Select(p => p.FullName).FirstAsync(cancellationToken).ConfigureAwait(false);
                return new ActionOutcome { Answers = ImmutableDictionary<string, string>.Empty.Add("name", name) };
            case LinkOutcome.WrongCode:
                return ActionOutcome.GoTo(context.Arg("when_wrong"), new Reply(context.Arg("wrong")));
            default:
                return ActionOutcome.GoTo(context.Arg("when_invalid"), new Reply(context.Arg("invalid")));
        }
    }
}
