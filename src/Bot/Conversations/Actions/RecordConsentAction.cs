using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AsnBot.Conversations.Engine;

namespace AsnBot.Conversations.Actions;

/// <summary>
/// Remembers, in the conversation only, that consent was given: which text (its version and
/// hash) and when. The proof is written with the profile, so refusing stores nothing.
/// </summary>
public sealed class RecordConsentAction : IDialogAction
{
    public string Name => "record-consent";

    public bool ReadsOnly => true;

    public Task<ActionOutcome> RunAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var dialog = context.Dialogs.Get(context.Request.DialogId);
        var consentText = dialog.Find(context.Arg("step"))?.Text ?? string.Empty;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(consentText)));
        var answers = ImmutableDictionary<string, string>.Empty
            .Add("consent_version", context.Arg("version"))
            .Add("consent_sha256", hash)
            .Add("consent_at", context.Now.UtcTicks.ToString(CultureInfo.InvariantCulture));
        return Task.FromResult(new ActionOutcome { Answers = answers });
    }
}
