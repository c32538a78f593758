using System.Globalization;
using AsnBot.Knowledge.Catalog;
using AsnBot.Knowledge.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Knowledge.Mentoring;

/// <summary>The outcome of an import: how many pairs, or the problems, each with its row and column.</summary>
public sealed record MentoringImportResult(int Paired, int Rows, IReadOnlyList<ImportError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Pairs from a CSV or XLSX sheet with the columns <c>mentor_nip</c>, <c>mentee_nip</c> and
/// optionally <c>every_days</c> (default 14), <c>first_session</c> (yyyy-mm-dd), <c>role</c>
/// (mentor or atasan) and <c>coordinator_nip</c>. Every row valid or nothing imported; the
/// reasons are sentences of <c>data/import-texts.yaml</c>.
/// </summary>
public static class MentoringImport
{
    public static readonly IReadOnlyList<string> Columns = ["mentor_nip", "mentee_nip", "every_days", "first_session", "role", "coordinator_nip"];
    private static readonly string[] RequiredColumns = ["mentor_nip", "mentee_nip"];

    public static async Task<MentoringImportResult> ImportAsync(
        AsnBotDbContext db, ImportTexts texts, string path, string? createdBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(texts);
        var rows = CatalogFiles.Read(path);
        var errors = new List<ImportError>();
        var requests = new List<(SheetRow Row, PairingRequest Request)>();
        foreach (var row in rows)
        {
            if (Parse(row, createdBy, texts, out var error) is { } request)
                requests.Add((row, request));
            else
                errors.Add(error!);
        }
        if (errors.Count > 0)
            return new MentoringImportResult(0, rows.Count, errors);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (row, request) in requests)
        {
            try
            {
                await MentoringPairs.PairAsync(db, request, now, cancellationToken).ConfigureAwait(false);
            }
            catch (PairingRefusedException e)
            {
                errors.Add(new ImportError(row.Number, e.Column, texts.Format(e.Key, [.. e.Values])));
            }
        }
        if (errors.Count > 0)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            db.ChangeTracker.Clear();
            return new MentoringImportResult(0, rows.Count, errors);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new MentoringImportResult(requests.Count, rows.Count, []);
    }

    private static PairingRequest? Parse(SheetRow row, string? createdBy, ImportTexts texts, out ImportError? error)
    {
        string Cell(string column) => row.Cells.TryGetValue(column, out var value) ? value.Trim() : "";
        ImportError Problem(string column, string key, params (string Name, object Value)[] values) => new(row.Number, column, texts.Format(key, values));
        error = null;
        if (RequiredColumns.FirstOrDefault(c => Cell(c).Length == 0) is { } missing)
        {
            error = Problem(missing, "empty");
            return null;
        }
        var every = 14;
        if (Cell("every_days") is { Length: > 0 } everyText
            && (!int.TryParse(everyText, NumberStyles.None, CultureInfo.InvariantCulture, out every) || every is < 1 or > 365))
        {
            error = Problem("every_days", "whole_number", ("value", everyText), ("min", 1), ("max", 365));
            return null;
        }
        DateOnly? first = null;
        if (Cell("first_session") is { Length: > 0 } firstText)
        {
            if (!DateOnly.TryParseExact(firstText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                error = Problem("first_session", "date", ("value", firstText));
                return null;
            }
            first = day;
        }
        if (ParseRole(Cell("role")) is not { } role)
        {
            error = Problem("role", "mentoring.role", ("value", Cell("role")));
            return null;
        }
        return new PairingRequest(Cell("mentor_nip"), Cell("mentee_nip"), every, first, role, Cell("coordinator_nip") is { Length: > 0 } c ? c : null, createdBy);
    }

    /// <summary>"mentor" (or empty) and "atasan"/"supervisor" (the direct supervisor).</summary>
    public static MentorRole? ParseRole(string? text) => (text ?? "").Trim().ToLowerInvariant() switch
    {
        "" or "mentor" => MentorRole.Mentor,
        "atasan" or "atasan langsung" or "supervisor" => MentorRole.Supervisor,
        _ => null,
    };
}
