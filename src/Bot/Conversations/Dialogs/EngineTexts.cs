using System.Collections.Immutable;

namespace AsnBot.Conversations.Dialogs;

/// <summary>
/// Texts the engine itself says (bad-input hints, "cancelled", quiz feedback), kept in
/// <c>dialogs/texts.yaml</c> with every other text people read.
/// </summary>
public sealed record EngineTexts(ImmutableDictionary<string, string> Values, string File)
{
    public static readonly ImmutableArray<string> RequiredKeys =
    [
        "invalid.choice", "invalid.multi", "invalid.likert", "invalid.empty", "invalid.too_long", "invalid.text",
        "invalid.number", "invalid.date", "invalid.date_range",
        "invalid.nip.WrongLength", "invalid.nip.NotDigits", "invalid.nip.ImpossibleBirthDate",
        "invalid.nip.ImpossibleStartDate", "invalid.nip.StartBeforeEighteen", "invalid.nip.StartInFuture",
        "invalid.nip.UnknownGender",
        "multi.done", "multi.selected", "quiz.correct", "quiz.wrong",
        "command.cancelled", "error.apology", "error.loop", "idle.unregistered", "flood.slow_down",
    ];

    public string this[string key] => Values.TryGetValue(key, out var text) ? text : key;
}
