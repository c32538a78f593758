using System.Text.Encodings.Web;
using System.Text.Json;
using AsnBot.Knowledge.Answers;
using AsnBot.Knowledge.Questions;

namespace AsnBot.Questions;

/// <summary>The JSON shapes of <c>ask --json</c>, <c>questions list --json</c> and <c>GET /api/questions</c>.</summary>
public static class QuestionJson
{
    // Indonesian text and emoji stay readable; the output is never embedded in HTML.
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public sealed record Answer(
        [property: System.Text.Json.Serialization.JsonPropertyName("answer")] string Text, IReadOnlyList<string> Sources, string Route);

    public sealed record Open(long Id, DateTimeOffset AskedAt, string Text, string PersonName, string Agency);

    public static string Serialize(QuestionAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return JsonSerializer.Serialize(new Answer(answer.Answer, answer.Sources, answer.RouteName), Options);
    }

    public static IReadOnlyList<Open> From(IEnumerable<OpenQuestionView> open) =>
        [.. open.Select(q => new Open(q.Id, q.AskedAt, q.Text, q.PersonName, q.Agency))];
}
