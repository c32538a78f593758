using System.Collections.Immutable;
using AsnBot.Conversations.Dialogs;

namespace AsnBot.Bot.Tests.Support;

/// <summary>Builds a dialog set from YAML written in a test, with the shipped engine texts.</summary>
internal static class TestDialogs
{
    private static readonly Lazy<EngineTexts> Texts = new(() =>
        new DialogLoader().Load("texts.yaml", File.ReadAllText(Path.Combine(RepoPaths.Dialogs, "texts.yaml"))).Texts!);

    public static DialogSet From(params string[] yamls)
    {
        var loader = new DialogLoader();
        var dialogs = yamls.Select((yaml, i) => loader.Load($"test{i}.yaml", yaml).Dialog).OfType<Dialog>().ToList();
        Assert.Empty(loader.Errors);
        // The engine always knows the well-known dialogs; tests that do not define them get a stub each.
        foreach (var id in WellKnownDialogs.All.Where(id => dialogs.All(d => d.Id != id)))
            dialogs.Add(loader.Load(id + ".yaml", $"id: {id}\ntitle: {id}\nsteps:\n  - {{ id: only, kind: end, text: \"[{id}]\" }}\n").Dialog!);
        return new DialogSet(dialogs.ToImmutableDictionary(d => d.Id), Texts.Value);
    }

    public static EngineTexts EngineTexts => Texts.Value;
}
