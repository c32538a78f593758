using System.Collections.Immutable;
using AsnBot.Conversations.Engine;
using AsnBot.Knowledge.Regions;

namespace AsnBot.Conversations.Actions;

/// <summary>Turns a typed province ("jateng", "Prov. Maluku") into its name and time zone, or asks again.</summary>
public sealed class ResolveProvinceAction(RegionDirectory regions) : IDialogAction
{
    public string Name => "resolve-province";

    public bool ReadsOnly => true;

    public Task<ActionOutcome> RunAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var key = context.Arg("answer") is { Length: > 0 } answer ? answer : "province";
        var province = regions.Find(context.Answer(key));
        if (province is null)
            return Task.FromResult(ActionOutcome.GoTo(key, new Reply(context.Arg("not_found"))));
        var answers = ImmutableDictionary<string, string>.Empty
            .Add(key, province.Name)
            .Add("time_zone", province.TimeZone.ToString());
        return Task.FromResult(new ActionOutcome { Answers = answers });
    }
}
