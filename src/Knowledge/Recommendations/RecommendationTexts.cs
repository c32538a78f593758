using AsnBot.Knowledge.Content;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace AsnBot.Knowledge.Recommendations;

/// <summary>The sentences that explain a recommendation, from <c>data/recommendation-texts.yaml</c>.</summary>
public sealed class RecommendationTexts
{
    public static readonly IReadOnlyList<string> RequiredKeys =
    [
        "gap_with_levels", "gap_only", "text_match", "detected", "mode_match", "session_same_province",
        "session_online", "session_elsewhere", "on_request", "jp_needed", "mix_course", "mix_social", "mix_on_the_job",
    ];

    private readonly IReadOnlyDictionary<string, string> _texts;
    private readonly IReadOnlyDictionary<string, string> _modes;

    public RecommendationTexts(IReadOnlyDictionary<string, string> texts, IReadOnlyDictionary<string, string> modes)
    {
        _texts = texts;
        _modes = modes;
        var missing = RequiredKeys.Where(k => !texts.ContainsKey(k)).ToList();
        if (missing.Count > 0)
            throw new InvalidDataException($"recommendation texts: missing {string.Join(", ", missing)}");
    }

    public string Format(string key, params (string Name, object Value)[] values) => Placeholders.Fill(_texts[key], values);

    public string Get(string key) => _texts[key];

    public string Mode(string mode) => _modes.TryGetValue(mode.ToLowerInvariant(), out var name) ? name : mode;

    public static RecommendationTexts Load(string path)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).IgnoreUnmatchedProperties().Build();
        using var reader = File.OpenText(path);
        var file = deserializer.Deserialize<TextsFile>(reader) ?? throw new InvalidDataException($"{path}: empty file");
        return new RecommendationTexts(file.Texts, file.Modes);
    }

    private sealed class TextsFile
    {
        public Dictionary<string, string> Texts { get; set; } = [];
        public Dictionary<string, string> Modes { get; set; } = [];
    }
}
