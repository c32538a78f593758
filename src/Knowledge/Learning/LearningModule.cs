using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace AsnBot.Knowledge.Learning;

/// <summary>
/// A micro-learning module (<c>dialogs/micro-learning/&lt;module&gt;/module.yaml</c>): short daily
/// lessons in order, each an ordinary dialog beside it. Every <see cref="ReviewEvery"/>th lesson is
/// a review of the ones before it.
/// </summary>
public sealed record LearningModule(
    string Id, string Title, string Description, IReadOnlyList<string> Competencies, string PathCode, IReadOnlyList<string> Lessons)
{
    public const int ReviewEvery = 5;

    /// <summary>Lesson number <paramref name="position"/> (1-based) is a review day.</summary>
    public static bool IsReviewDay(int position) => position > 0 && position % ReviewEvery == 0;
}

/// <summary>Every module found under <c>dialogs/micro-learning</c>.</summary>
public sealed class LearningModules
{
    private readonly Dictionary<string, LearningModule> _byId;
    private readonly Dictionary<string, (LearningModule Module, int Index)> _byLesson;

    public LearningModules(IEnumerable<LearningModule> modules)
    {
        All = [.. modules.OrderBy(m => m.Title, StringComparer.Ordinal)];
        _byId = All.ToDictionary(m => m.Id, StringComparer.Ordinal);
        _byLesson = new Dictionary<string, (LearningModule, int)>(StringComparer.Ordinal);
        foreach (var module in All)
        {
            for (var i = 0; i < module.Lessons.Count; i++)
                _byLesson.TryAdd(module.Lessons[i], (module, i));
        }
    }

    public IReadOnlyList<LearningModule> All { get; }

    public LearningModule? Find(string moduleId) => _byId.GetValueOrDefault(moduleId);

    /// <summary>The module a lesson dialog belongs to, and its 0-based place in it.</summary>
    public (LearningModule Module, int Index)? OfLesson(string lessonId) =>
        _byLesson.TryGetValue(lessonId, out var found) ? found : null;

    /// <summary>Reads every <c>module.yaml</c> below the folder. Problems name the file.</summary>
    public static LearningModules Load(string microLearningFolder)
    {
        if (!Directory.Exists(microLearningFolder))
            return new LearningModules([]);
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        var modules = new List<LearningModule>();
        foreach (var path in Directory.EnumerateFiles(microLearningFolder, "module.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var reader = File.OpenText(path);
            var file = deserializer.Deserialize<ModuleFile>(reader)?.Module
                ?? throw new InvalidDataException($"{path}: expected a top-level 'module:'");
            modules.Add(new LearningModule(
                file.Id ?? throw new InvalidDataException($"{path}: module has no 'id'"),
                file.Title ?? throw new InvalidDataException($"{path}: module has no 'title'"),
                file.Description ?? "",
                file.Competencies,
                file.Path ?? throw new InvalidDataException($"{path}: module has no 'path' (a code of jp-conversion.yaml)"),
                file.Lessons.Count > 0 ? file.Lessons : throw new InvalidDataException($"{path}: module has no 'lessons'")));
        }
        var duplicate = modules.GroupBy(m => m.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidDataException($"{microLearningFolder}: module id '{duplicate.Key}' is used twice");
        return new LearningModules(modules);
    }

    private sealed class ModuleFile
    {
        public ModuleEntry? Module { get; set; }
    }

    private sealed class ModuleEntry
    {
        public string? Id { get; set; }
        public string? Title { get; set; }
        public string? Description { get; set; }
        public List<string> Competencies { get; set; } = [];
        public string? Path { get; set; }
        public List<string> Lessons { get; set; } = [];
    }
}
