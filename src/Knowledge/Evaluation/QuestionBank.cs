using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace AsnBot.Knowledge.Evaluation;

/// <summary>One multiple-choice question: four options labelled a-d and the correct one.</summary>
public sealed record BankQuestion(string Id, string Text, IReadOnlyList<string> Options, string Answer);

/// <summary>A training's pre/post-test (level 2): the same questions before and after.</summary>
public sealed record QuestionBank(string TrainingCode, IReadOnlyList<BankQuestion> Questions)
{
    public static readonly IReadOnlyList<string> Letters = ["a", "b", "c", "d"];
}

/// <summary>
/// The question banks in <c>data/question-banks/&lt;training-code&gt;.yaml</c>. A training without
/// a file has no level-2 test. A broken file stops start-up with a sentence naming it.
/// </summary>
public sealed class QuestionBanks
{
    private readonly Dictionary<string, QuestionBank> _byTraining;

    public QuestionBanks(IEnumerable<QuestionBank> banks)
    {
        _byTraining = banks.ToDictionary(b => b.TrainingCode, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyCollection<string> TrainingCodes => _byTraining.Keys;

    public QuestionBank? Find(string trainingCode) => _byTraining.GetValueOrDefault(trainingCode);

    public static QuestionBanks Load(string folder)
    {
        if (!Directory.Exists(folder))
            return new QuestionBanks([]);
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        var banks = new List<QuestionBank>();
        foreach (var path in Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            using var reader = File.OpenText(path);
            var file = deserializer.Deserialize<BankFile>(reader) ?? throw new InvalidDataException($"{path}: empty question bank");
            var code = file.Training ?? Path.GetFileNameWithoutExtension(path);
            if (file.Questions.Count == 0)
                throw new InvalidDataException($"{path}: a question bank needs at least one question");
            var questions = file.Questions.Select((q, i) => Question(path, i + 1, q)).ToList();
            if (questions.GroupBy(q => q.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
                throw new InvalidDataException($"{path}: question id '{duplicate.Key}' appears twice");
            banks.Add(new QuestionBank(code, questions));
        }
        return new QuestionBanks(banks);
    }

    private static BankQuestion Question(string path, int number, QuestionEntry entry)
    {
        var id = entry.Id ?? $"q{number}";
        if (string.IsNullOrWhiteSpace(entry.Text))
            throw new InvalidDataException($"{path}: question {number} has no text");
        if (entry.Options.Count != QuestionBank.Letters.Count)
            throw new InvalidDataException($"{path}: question {number} needs exactly {QuestionBank.Letters.Count} options (a-d)");
        if (entry.Answer is not { } answer || !QuestionBank.Letters.Contains(answer))
            throw new InvalidDataException($"{path}: question {number} needs answer a, b, c or d");
        return new BankQuestion(id, entry.Text.Trim(), entry.Options, answer);
    }

    private sealed class BankFile
    {
        public string? Training { get; set; }
        public List<QuestionEntry> Questions { get; set; } = [];
    }

    private sealed class QuestionEntry
    {
        public string? Id { get; set; }
        public string? Text { get; set; }
        public List<string> Options { get; set; } = [];
        public string? Answer { get; set; }
    }
}
