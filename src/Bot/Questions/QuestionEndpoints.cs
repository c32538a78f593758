using AsnBot.Knowledge.Questions;

namespace AsnBot.Questions;

/// <summary>What <c>POST /api/questions/{id}/answer</c> accepts.</summary>
public sealed record QuestionAnswerRequest(string? Text, string? AnsweredBy);

/// <summary>
/// The coordinators' hand-off desk over HTTP: the open questions, and answering one (the
/// answer reaches the person through the outbox), behind the dashboard's sign-in.
/// </summary>
public static class QuestionEndpoints
{
    public const int MaxAnswerLength = 3000;

    public static IEndpointRouteBuilder MapQuestions(this IEndpointRouteBuilder app)
    {
        // Open questions come from every agency: Admins only until they are scoped per agency.
        var group = app.MapGroup("/api/questions").RequireAuthorization(Dashboard.Access.DashboardRoles.AdminPolicy);
        group.MapGet("/", async (QuestionDesk desk, CancellationToken cancellationToken) =>
            Results.Json(QuestionJson.From(await desk.ListOpenAsync(cancellationToken)), QuestionJson.Options));
        group.MapPost("/{id:long}/answer", AnswerAsync);
        return app;
    }

    private static async Task<IResult> AnswerAsync(long id, QuestionAnswerRequest? request, QuestionDesk desk, CancellationToken cancellationToken)
    {
        if (request?.Text is not { Length: > 0 and <= MaxAnswerLength } text || string.IsNullOrWhiteSpace(text))
            return Results.Problem($"Send JSON: {{\"text\": \"...\", \"answeredBy\": \"...\"}} with a text of 1-{MaxAnswerLength} characters.", statusCode: StatusCodes.Status400BadRequest);
        var by = string.IsNullOrWhiteSpace(request.AnsweredBy) ? "Pengelola" : request.AnsweredBy.Trim();
        return await desk.AnswerAsync(id, text, by, cancellationToken) switch
        {
            AnswerOutcome.Answered => Results.Ok(new { id, status = "answered" }),
            AnswerOutcome.NotFound => Results.Problem($"There is no question {id}.", statusCode: StatusCodes.Status404NotFound),
            AnswerOutcome.AlreadyAnswered => Results.Problem($"Question {id} is already answered.", statusCode: StatusCodes.Status409Conflict),
            _ => Results.Problem("The answer is empty.", statusCode: StatusCodes.Status400BadRequest),
        };
    }
}
