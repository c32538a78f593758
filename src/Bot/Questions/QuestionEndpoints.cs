using System.Security.Claims;
using AsnBot.Dashboard.Access;
using AsnBot.Dashboard.Audit;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Questions;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Questions;

/// <summary>What <c>POST /api/questions/{id}/answer</c> accepts.</summary>
public sealed record QuestionAnswerRequest(string? Text, string? AnsweredBy);

/// <summary>
/// The coordinators' hand-off desk over HTTP: the open questions, and answering one (the
/// answer reaches the person through the outbox), behind the dashboard's sign-in. A coordinator
/// sees and answers the questions of their agencies' people only.
/// </summary>
public static class QuestionEndpoints
{
    public const int MaxAnswerLength = 3000;

    public static IEndpointRouteBuilder MapQuestions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/questions").RequireAuthorization(DashboardRoles.CoordinatorPolicy);
        group.MapGet("/", async (ClaimsPrincipal user, AsnBotDbContext db, QuestionDesk desk, AuditLog audit, CancellationToken cancellationToken) =>
        {
            var open = await desk.ListOpenAsync(DashboardScope.Of(user).People(db), cancellationToken);
            await audit.WriteAsync(user, AuditActions.QuestionsList, $"{open.Count} pertanyaan terbuka", cancellationToken);
            return Results.Json(QuestionJson.From(open), QuestionJson.Options);
        });
        group.MapPost("/{id:long}/answer", AnswerAsync);
        return app;
    }

    private static async Task<IResult> AnswerAsync(
        long id, QuestionAnswerRequest? request, ClaimsPrincipal user, AsnBotDbContext db, QuestionDesk desk, AuditLog audit, CancellationToken cancellationToken)
    {
        var people = DashboardScope.Of(user).People(db);
        if (!await db.Set<PersonQuestion>().AnyAsync(q => q.Id == id && people.Any(p => p.Id == q.PersonId), cancellationToken))
            return Results.Problem($"There is no question {id}.", statusCode: StatusCodes.Status404NotFound);
        if (request?.Text is not { Length: > 0 and <= MaxAnswerLength } text || string.IsNullOrWhiteSpace(text))
            return Results.Problem($"Send JSON: {{\"text\": \"...\", \"answeredBy\": \"...\"}} with a text of 1-{MaxAnswerLength} characters.", statusCode: StatusCodes.Status400BadRequest);
        var by = string.IsNullOrWhiteSpace(request.AnsweredBy) ? "Pengelola" : request.AnsweredBy.Trim();
        return await desk.AnswerAsync(id, text, by, cancellationToken) switch
        {
            AnswerOutcome.Answered => await AnsweredAsync(),
            AnswerOutcome.NotFound => Results.Problem($"There is no question {id}.", statusCode: StatusCodes.Status404NotFound),
            AnswerOutcome.AlreadyAnswered => Results.Problem($"Question {id} is already answered.", statusCode: StatusCodes.Status409Conflict),
            _ => Results.Problem("The answer is empty.", statusCode: StatusCodes.Status400BadRequest),
        };

        async Task<IResult> AnsweredAsync()
        {
            await audit.WriteAsync(user, AuditActions.QuestionAnswered, $"pertanyaan {id}", cancellationToken);
            return Results.Ok(new { id, status = "answered" });
        }
    }
}
