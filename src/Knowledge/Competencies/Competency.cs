namespace AsnBot.Knowledge.Competencies;

public enum CompetencyGroup
{
    Manajerial,
    SosialKultural,
    Teknis,
}

/// <summary>One entry of the competency dictionary, with a plain-language sentence per level (1-5).</summary>
public sealed record Competency(
    string Code,
    CompetencyGroup Group,
    string Name,
    string Description,
    IReadOnlyList<string> Keywords,
    IReadOnlyDictionary<int, string> Levels)
{
    public bool IsTechnical => Group == CompetencyGroup.Teknis;
}

public sealed record JobLevel(string Value, string Label, string Track, int RequiredLevel);
