using System.Collections.Immutable;

namespace AsnBot.Conversations.Dialogs;

/// <summary>Every dialog and the engine's own texts (hints, confirmations), loaded and validated together.</summary>
public sealed record DialogSet(ImmutableDictionary<string, Dialog> Dialogs, EngineTexts Texts)
{
    public Dialog Get(string id) =>
        Dialogs.TryGetValue(id, out var dialog) ? dialog : throw new KeyNotFoundException($"No dialog '{id}'.");

    public bool Contains(string id) => Dialogs.ContainsKey(id);
}
