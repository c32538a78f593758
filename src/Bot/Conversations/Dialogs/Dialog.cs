using System.Collections.Immutable;

namespace AsnBot.Conversations.Dialogs;

public sealed record Dialog(string Id, string Title, string File, ImmutableArray<Step> Steps)
{
    public const string EndTarget = "end";

    public Step First => Steps[0];

    public Step? Find(string stepId) => Steps.FirstOrDefault(s => s.Id == stepId);

    public Step? After(Step step)
    {
        var index = Steps.IndexOf(step);
        return index >= 0 && index + 1 < Steps.Length ? Steps[index + 1] : null;
    }
}

/// <summary>The dialogs the engine knows by name, whatever file they come from.</summary>
public static class WellKnownDialogs
{
    public const string Registration = "registration";
    public const string Menu = "menu";
    public const string Help = "help";
    public const string MyData = "my-data";
    public const string DeleteData = "delete-data";

    /// <summary>Where free text that no route takes goes: a question, answered or passed to a coordinator.</summary>
    public const string Ask = "ask";

    public static readonly ImmutableArray<string> All = [Registration, Menu, Help, MyData, DeleteData, Ask];
}
