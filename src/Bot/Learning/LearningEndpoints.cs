using System.Security.Claims;
using AsnBot.Channels.Web;
using AsnBot.Conversations;
using AsnBot.Dashboard.Access;
using AsnBot.Dashboard.Audit;
using AsnBot.Knowledge.Catalog;
using AsnBot.Knowledge.Enrollments;
using AsnBot.Knowledge.LearningHours;
using AsnBot.Knowledge.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Learning;

public sealed record EnrollmentRequest(string? Nip, string? Training, string? Status, string? Session);

public sealed record ReviewRequest(string? ReviewedBy);

/// <summary>
/// The coordinators' HTTP API for enrollments and JP claims, behind the dashboard's sign-in,
/// and the web chat's certificate upload (the person's own channel, like the chat itself).
/// </summary>
public static class LearningEndpoints
{
    public static IEndpointRouteBuilder MapLearning(this IEndpointRouteBuilder app)
    {
        // A coordinator works on the people of their agencies only (DashboardScope): anyone else
        // is answered as if they did not exist, and nothing changes.
        var enrollments = app.MapGroup("/api/enrollments").RequireAuthorization(DashboardRoles.CoordinatorPolicy);
        enrollments.MapPost("/", SetEnrollmentAsync);
        enrollments.MapPost("/import", ImportAttendanceAsync).DisableAntiforgery();

        var hours = app.MapGroup("/api/learning-hours").RequireAuthorization(DashboardRoles.CoordinatorPolicy);
        hours.MapGet("/pending", async (ClaimsPrincipal user, AsnBotDbContext db, Certificates certificates, AuditLog audit, CancellationToken cancellationToken) =>
        {
            var pending = await certificates.PendingAsync(DashboardScope.Of(user).People(db), cancellationToken);
            await audit.WriteAsync(user, AuditActions.ClaimsList, $"{pending.Count} klaim JP menunggu verifikasi", cancellationToken);
            return Results.Ok(pending);
        });
        hours.MapPost("/{id:guid}/approve", (Guid id, ReviewRequest? request, ClaimsPrincipal user, AsnBotDbContext db, Certificates certificates, CancellationToken cancellationToken) =>
            ReviewAsync(id, true, request, user, db, certificates, cancellationToken));
        hours.MapPost("/{id:guid}/reject", (Guid id, ReviewRequest? request, ClaimsPrincipal user, AsnBotDbContext db, Certificates certificates, CancellationToken cancellationToken) =>
            ReviewAsync(id, false, request, user, db, certificates, cancellationToken));
        hours.MapGet("/certificates/{id:guid}", async (Guid id, ClaimsPrincipal user, AsnBotDbContext db, Certificates certificates, AuditLog audit, CancellationToken cancellationToken) =>
        {
            var people = DashboardScope.Of(user).People(db);
            if (!await db.Set<Certificate>().AnyAsync(c => c.Id == id && people.Any(p => p.Id == c.PersonId), cancellationToken)
                || await certificates.FileAsync(id, cancellationToken) is not { } file)
                return Results.NotFound();
            await audit.WriteAsync(user, AuditActions.CertificateView, $"sertifikat {id} milik {file.PersonId}", cancellationToken);
            return Results.File(file.Content, file.ContentType, file.FileName);
        });

        app.MapPost("/api/webchat/{sessionId}/uploads", UploadCertificateAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> SetEnrollmentAsync(
        EnrollmentRequest request, ClaimsPrincipal user, AsnBotDbContext db, EnrollmentService enrollments, ImportTexts texts, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Nip) || string.IsNullOrWhiteSpace(request.Training) || !EnrollmentTransitions.TryParse(request.Status, out var status))
            return Results.Problem("Send {\"nip\": \"...\", \"training\": \"CODE\", \"status\": \"interest|registered|attended|completed|not-completed\"}.", statusCode: StatusCodes.Status400BadRequest);
        var people = DashboardScope.Of(user).People(db);
        var nip = new string([.. request.Nip.Where(char.IsAsciiDigit)]);
        if (!await people.AnyAsync(p => p.Nip == nip, cancellationToken))
            return Results.Problem(texts.Format("enrollment.unknown_person"), statusCode: StatusCodes.Status404NotFound);
        try
        {
            return Results.Ok(await enrollments.SetAsync(new EnrollmentChange(request.Nip, request.Training.Trim(), status, request.Session), people, cancellationToken));
        }
        catch (EnrollmentRefusedException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }

    private static async Task<IResult> ImportAttendanceAsync(
        IFormFile file, ClaimsPrincipal user, AsnBotDbContext db, AttendanceImport import, ImportTexts texts, CancellationToken cancellationToken)
    {
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        if (extension is not (".csv" or ".xlsx"))
            return Results.Problem("Upload the attendance list as .csv or .xlsx.", statusCode: StatusCodes.Status400BadRequest);
        var path = Path.Combine(Path.GetTempPath(), $"attendance-{Guid.NewGuid():N}{extension}");
        try
        {
            await using (var stream = File.Create(path))
                await file.CopyToAsync(stream, cancellationToken);
            var result = await import.ImportAsync(CatalogFiles.Read(path), DashboardScope.Of(user).People(db), null, cancellationToken);
            return result.IsValid
                ? Results.Ok(new { rows = result.Rows, applied = result.Applied })
                : Results.BadRequest(new { rows = result.Rows, errors = result.Errors.Select(texts.Describe) });
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<IResult> ReviewAsync(
        Guid id, bool approve, ReviewRequest? request, ClaimsPrincipal user, AsnBotDbContext db, Certificates certificates, CancellationToken cancellationToken)
    {
        var reviewedBy = string.IsNullOrWhiteSpace(request?.ReviewedBy) ? "api" : request.ReviewedBy.Trim();
        var people = DashboardScope.Of(user).People(db);
        var inScope = await db.Set<LearningHoursEntry>().AnyAsync(e => e.Id == id && people.Any(p => p.Id == e.PersonId), cancellationToken);
        return inScope && await certificates.ReviewAsync(id, approve, reviewedBy, cancellationToken)
            ? Results.Ok(new { id, status = approve ? "credited" : "rejected" })
            : Results.Problem($"No claim {id} is waiting for verification.", statusCode: StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> UploadCertificateAsync(string sessionId, HttpRequest http, CertificateIntake intake, CancellationToken cancellationToken)
    {
        if (!WebChatEndpoints.IsSessionId(sessionId))
            return Results.Problem("Session id must be 8-64 letters, digits, '-' or '_'.", statusCode: StatusCodes.Status400BadRequest);
        if (http.ContentLength > Certificates.MaxBytes + 64 * 1024)
            return Results.Problem("The file is larger than 5 MB.", statusCode: StatusCodes.Status413PayloadTooLarge);
        if (!http.HasFormContentType)
            return Results.Problem("Send the certificate as multipart/form-data with a field 'file'.", statusCode: StatusCodes.Status400BadRequest);
        var form = await http.ReadFormAsync(cancellationToken);
        if (form.Files.GetFile("file") is not { } file)
            return Results.Problem("Send the certificate as multipart/form-data with a field 'file'.", statusCode: StatusCodes.Status400BadRequest);
        if (file.Length > Certificates.MaxBytes)
            return Results.Problem("The file is larger than 5 MB.", statusCode: StatusCodes.Status413PayloadTooLarge);
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var replies = await intake.ReceiveAsync(new ChannelUser(WebChatEndpoints.Channel, sessionId), file.FileName, buffer.ToArray(), null, cancellationToken);
        return Results.Ok(new WebChatResponse([.. replies.Select(r => new WebChatReply(r.Text, [.. r.Choices.Select(c => new WebChatChoice(c.Label, c.Value))]))]));
    }
}
