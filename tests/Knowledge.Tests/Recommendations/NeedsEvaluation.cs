using AsnBot.Knowledge.Recommendations;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace AsnBot.Knowledge.Tests.Recommendations;

/// <summary>One labelled needs statement: what a person typed and which trainings are good answers, best first.</summary>
public sealed record NeedsStatement(string Text, IReadOnlyList<string> Competencies, IReadOnlyList<string> Relevant);

public sealed record EvaluationResult(int Statements, double HitAt3, double NdcgAt3, IReadOnlyList<(NeedsStatement Statement, IReadOnlyList<string> Top)> Misses);

/// <summary>
/// Scores the recommender on <c>needs-eval.yaml</c>: hit@3 (a relevant training among the
/// first three) and nDCG@3 (graded by the order of the relevant list). Shared by the
/// quality test and the quality benchmark.
/// </summary>
public static class NeedsEvaluation
{
    public static IReadOnlyList<NeedsStatement> Load(string path)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).IgnoreUnmatchedProperties().Build();
        using var reader = File.OpenText(path);
        var file = deserializer.Deserialize<EvalFile>(reader) ?? throw new InvalidDataException($"{path}: empty file");
        return [.. file.Statements.Select(s => new NeedsStatement(s.Text ?? "", s.Competencies ?? [], s.Relevant ?? []))];
    }

    public static EvaluationResult Run(TrainingRecommender recommender, IReadOnlyList<NeedsStatement> statements, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(recommender);
        ArgumentNullException.ThrowIfNull(statements);
        var hits = 0;
        var ndcg = 0.0;
        var misses = new List<(NeedsStatement, IReadOnlyList<string>)>();
        foreach (var statement in statements)
        {
            var top = recommender.Recommend(new RecommendationRequest { Text = statement.Text, Top = 3, Today = today })
                .Items.Select(i => i.Code).ToList();
            if (top.Any(statement.Relevant.Contains))
                hits++;
            else
                misses.Add((statement, top));
            ndcg += Ndcg(top, statement.Relevant);
        }
        return new EvaluationResult(statements.Count, (double)hits / statements.Count, ndcg / statements.Count, misses);
    }

    /// <summary>The first relevant code has gain n, the next n-1, ...; the ideal order is the list itself.</summary>
    private static double Ndcg(List<string> top, IReadOnlyList<string> relevant)
    {
        double Gain(string code) => relevant.ToList().IndexOf(code) is var i and >= 0 ? relevant.Count - i : 0;
        var dcg = top.Take(3).Select((code, rank) => Gain(code) / Math.Log2(rank + 2)).Sum();
        var ideal = relevant.Take(3).Select((code, rank) => Gain(code) / Math.Log2(rank + 2)).Sum();
        return ideal == 0 ? 0 : dcg / ideal;
    }

    private sealed class EvalFile
    {
        public List<StatementEntry> Statements { get; set; } = [];
    }

    private sealed class StatementEntry
    {
        public string? Text { get; set; }
        public List<string>? Competencies { get; set; }
        public List<string>? Relevant { get; set; }
    }
}
