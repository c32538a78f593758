using AsnBot.Knowledge.Answers;
using AsnBot.Knowledge.Recommendations;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace AsnBot.Knowledge.Tests.Answers;

/// <summary>One labelled question: what a person typed and what should answer it.</summary>
public sealed record LabelledQuestion(string Text, string Expect);

public sealed record QuestionsResult(int Questions, double HitAt3, IReadOnlyList<(LabelledQuestion Question, QuestionAnswer Answer)> Misses);

/// <summary>
/// Scores the answerer on <c>questions-eval.yaml</c>: a hit when a feature or hand-off
/// question took that route, or when the expected source is among the first three sources
/// of the answer given. Shared by the quality test and the questions-quality benchmark.
/// </summary>
public static class QuestionsEvaluation
{
    public static IReadOnlyList<LabelledQuestion> Load(string path)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        using var reader = File.OpenText(path);
        var file = deserializer.Deserialize<EvalFile>(reader) ?? throw new InvalidDataException($"{path}: empty file");
        return [.. file.Questions.Select(q => new LabelledQuestion(q.Text, q.Expect))];
    }

    public static QuestionsResult Run(QuestionAnswerer answerer, TrainingRecommender catalog, IReadOnlyList<LabelledQuestion> questions, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(answerer);
        ArgumentNullException.ThrowIfNull(questions);
        var misses = new List<(LabelledQuestion, QuestionAnswer)>();
        foreach (var question in questions)
        {
            var answer = answerer.Answer(question.Text, catalog, today);
            if (!IsHit(question.Expect, answer))
                misses.Add((question, answer));
        }
        return new QuestionsResult(questions.Count, (double)(questions.Count - misses.Count) / questions.Count, misses);
    }

    public static bool IsHit(string expect, QuestionAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(expect);
        ArgumentNullException.ThrowIfNull(answer);
        if (expect == "handoff")
            return answer.Route == AnswerRoute.Handoff;
        if (expect.StartsWith("feature:", StringComparison.Ordinal))
            return answer.Route == AnswerRoute.Feature && answer.Dialog == expect["feature:".Length..];
        return answer.Route is AnswerRoute.Faq or AnswerRoute.Catalog && answer.Sources.Take(3).Contains(expect);
    }

    public static string Describe(QuestionsResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return string.Join("\n", result.Misses.Select(m =>
            $"  {m.Question.Text} -> {m.Answer.RouteName} [{string.Join(", ", m.Answer.Sources)}], wanted {m.Question.Expect}"));
    }

    private sealed class EvalFile
    {
        public List<QuestionEntry> Questions { get; set; } = [];
    }

    private sealed class QuestionEntry
    {
        public string Text { get; set; } = "";
        public string Expect { get; set; } = "";
    }
}
