namespace AsnBot.Knowledge.Answers;

/// <summary>Where a question was answered from: a knowledge entry, the catalog, a menu feature, or nowhere yet (a coordinator).</summary>
public enum AnswerRoute
{
    Faq,
    Catalog,
    Feature,
    Handoff,
}

/// <summary>
/// A text a language model may compose from: a knowledge entry or a catalog training, with
/// the id it is cited by (<c>knowledge:file/entry</c>, <c>catalog:CODE</c>).
/// </summary>
public sealed record Passage(string SourceId, string Title, string Text, string Source);

/// <summary>
/// The answer to a question, with the ids of what it rests on. <see cref="Dialog"/> is the
/// feature to open for a feature route; <see cref="Passages"/> is everything retrieval found,
/// best first, for a language model to compose from.
/// </summary>
public sealed record QuestionAnswer(AnswerRoute Route, string Answer, IReadOnlyList<string> Sources)
{
    public string? Dialog { get; init; }
    public string SearchText { get; init; } = "";
    public IReadOnlyList<Passage> Passages { get; init; } = [];

    public string RouteName => Route.ToString().ToLowerInvariant();
}
