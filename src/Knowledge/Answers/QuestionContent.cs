using AsnBot.Knowledge.Content;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace AsnBot.Knowledge.Answers;

/// <summary>
/// What <c>data/questions.yaml</c> holds: the route table, the words that ask for a date and those that
/// only say "this is about a schedule" (they do not count against a catalog match), the texts of the answers,
/// and the instructions given to a language model when one is configured.
/// </summary>
public sealed class QuestionContent
{
    public static readonly IReadOnlyList<string> RequiredTexts =
    [
        "faq", "catalog_intro", "catalog_item", "catalog_session", "catalog_on_request", "catalog_passage", "catalog_source", "ledger_source", "handoff", "llm_sources",
    ];

    private QuestionContent(IntentRoutes routes, IReadOnlyList<string> scheduleWords, IReadOnlyList<string> asksSchedule, IReadOnlyDictionary<string, string> texts, string llmInstructions)
    {
        AsksSchedule = asksSchedule;
        Routes = routes;
        ScheduleWords = scheduleWords;
        Texts = texts;
        LlmInstructions = llmInstructions;
    }

    public IntentRoutes Routes { get; }
    public IReadOnlyList<string> ScheduleWords { get; }
    public IReadOnlyList<string> AsksSchedule { get; }
    public IReadOnlyDictionary<string, string> Texts { get; }
    public string LlmInstructions { get; }

    public string Format(string key, params (string Name, string Value)[] values) => Placeholders.Fill(Texts[key], values);

    public static QuestionContent Load(string path)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        using var reader = File.OpenText(path);
        var file = deserializer.Deserialize<ContentFile>(reader) ?? throw new InvalidDataException($"{path}: empty file");
        var missing = RequiredTexts.Where(k => !file.Texts.ContainsKey(k)).ToList();
        if (missing.Count > 0)
            throw new InvalidDataException($"{path}: texts missing {string.Join(", ", missing)}");
        if (string.IsNullOrWhiteSpace(file.LlmInstructions))
            throw new InvalidDataException($"{path}: llm_instructions is empty");
        var routes = new List<IntentRoute>();
        foreach (var route in file.Routes)
        {
            if (string.IsNullOrWhiteSpace(route.Id) || string.IsNullOrWhiteSpace(route.Dialog) || route.Phrases.Count == 0)
                throw new InvalidDataException($"{path}: every route needs an id, a dialog and phrases ({route.Id})");
            var phrases = route.Phrases
                .Select(p => Search.IndonesianTextNormalizer.Normalize(p).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Where(p => p.Length > 0).ToList();
            var unless = route.Unless.Select(Search.IndonesianTextNormalizer.Normalize).ToHashSet(StringComparer.Ordinal);
            routes.Add(new IntentRoute(route.Id, route.Dialog, route.SearchAnswer, route.Says, phrases, unless) { IsWholeMessage = route.Only });
        }
        return new QuestionContent(new IntentRoutes(routes, file.Fillers), file.ScheduleWords, file.AsksSchedule, file.Texts, file.LlmInstructions.Trim());
    }

    private sealed class ContentFile
    {
        public List<RouteEntry> Routes { get; set; } = [];
        public List<string> Fillers { get; set; } = [];
        public List<string> ScheduleWords { get; set; } = [];
        public List<string> AsksSchedule { get; set; } = [];
        public Dictionary<string, string> Texts { get; set; } = [];
        public string LlmInstructions { get; set; } = "";
    }

    private sealed class RouteEntry
    {
        public string Id { get; set; } = "";
        public string Dialog { get; set; } = "";
        public string SearchAnswer { get; set; } = "";
        public bool Only { get; set; }
        public string Says { get; set; } = "";
        public List<string> Phrases { get; set; } = [];
        public List<string> Unless { get; set; } = [];
    }
}
