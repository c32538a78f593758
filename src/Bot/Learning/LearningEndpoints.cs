using AsnBot.Channels.Web;
using AsnBot.Conversations;
using AsnBot.Knowledge.Catalog;
using AsnBot.Knowledge.Enrollments;
using AsnBot.Knowledge.LearningHours;

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
        // Enrollments and claims span every agency's people: Admins only until they are scoped per agency.
        var enrollments = app.MapGroup("/api/enrollments").RequireAuthorization(Dashboard.Access.DashboardRoles.AdminPolicy);
        enrollments.MapPost("/", SetEnrollmentAsync);
        enrollments.MapPost("/import", ImportAttendanceAsync).DisableAntiforgery();

        var hours = app.MapGroup("/api/learning-hours").RequireAuthorization(Dashboard.Access.DashboardRoles.AdminPolicy);
        hours.MapGet("/pending", async (Certificates certificates, CancellationToken cancellationToken) =>
            Results.Ok(await certificates.PendingAsync(cancellationToken)));
        hours.MapPost("/{id:guid}/approve", (Guid id, ReviewRequest? request, Certificates certificates, CancellationToken cancellationToken) =>
            ReviewAsync(id, true, request, certificates, cancellationToken));
        hours.MapPost("/{id:guid}/reject", (Guid id, ReviewRequest? request, Certificates certificates, CancellationToken cancellationToken) =>
            ReviewAsync(id, false, request, certificates, cancellationToken));
        hours.MapGet("/certificates/{id:guid}", async (Guid id, Certificates certificates, CancellationToken cancellationToken) =>
            await certificates.FileAsync(id, cancellationToken) is { } file
                ? Results.File(file.Content, file.ContentType, file.FileName)
                : Results.NotFound());

        app.MapPost("/api/webchat/{sessionId}/uploads", UploadCertificateAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> SetEnrollmentAsync(EnrollmentRequest request, EnrollmentService enrollments, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Nip) || string.IsNullOrWhiteSpace(request.Training) || !EnrollmentTransitions.TryParse(request.Status, out var status))
            return Results.Problem("Send {\"nip\": \"...\", \"training\": \"CODE\", \"status\": \"interest|registered|attended|completed|not-completed\"}.", statusCode: StatusCodes.Status400BadRequest);
        try
        {
            return Results.Ok(await enrollments.SetAsync(new EnrollmentChange(request.Nip, request.Training.Trim(), status, request.Session), cancellationToken));
        }
        catch (EnrollmentRefusedException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }

    private static async Task<IResult> ImportAttendanceAsync(IFormFile file, AttendanceImport import, CancellationToken cancellationToken)
    {
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        if (extension is not (".csv" or ".xlsx"))
            return Results.Problem("Upload the attendance list as .csv or .xlsx.", statusCode: StatusCodes.Status400BadRequest);
        var path = Path.Combine(Path.GetTempPath(), $"attendance-{Guid.NewGuid():N}{extension}");
        try
        {
            await using (var stream = File.Create(path))
                await file.CopyToAsync(stream, cancellationToken);
            var result = await import.ImportAsync(CatalogFiles.Read(path), cancellationToken);
            return result.IsValid
                ? Results.Ok(new { rows = result.Rows, applied = result.Applied })
                : Results.BadRequest(new { rows = result.Rows, errors = result.Errors.Select(e => e.ToString()) });
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<IResult> ReviewAsync(Guid id, bool approve, ReviewRequest? request, Certificates certificates, CancellationToken cancellationToken)
    {
        var reviewedBy = string.IsNullOrWhiteSpace(request?.ReviewedBy) ? "api" : request.ReviewedBy.Trim();
        return await certificates.ReviewAsync(id, approve, reviewedBy, cancellationToken)
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
