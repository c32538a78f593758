using System.Globalization;
using AsnBot.Knowledge.Catalog;
using AsnBot.Knowledge.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Knowledge.Mentoring;

/// <summary>The outcome of an import: how many pairs, or the problems, each with its row number.</summary>
public sealed record MentoringImportResult(int Paired, IReadOnlyList<string> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>
/// Pairs from a CSV or XLSX sheet with the columns <c>mentor_nip</c>, <c>mentee_nip</c> and
/// optionally <c>every_days</c> (default 14), <c>first_session</c> (yyyy-mm-dd), <c>role</c>
/// (mentor or atasan) and <c>coordinator_nip</c>. Every row valid or nothing imported.
/// </summary>
public static class MentoringImport
{
    public static readonly IReadOnlyList<string> Columns = ["mentor_nip", "mentee_nip", "every_days", "first_session", "role", "coordinator_nip"];

    public static async Task<MentoringImportResult> ImportAsync(AsnBotDbContext db, string path, string? createdBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = CatalogFiles.Read(path);
        var problems = new List<string>();
        var requests = new List<PairingRequest>();
        foreach (var row in rows)
        {
            if (Parse(row, createdBy, out var problem) is { } request)
                requests.Add(request);
            else
                problems.Add(problem!);
        }
        if (problems.Count > 0)
            return new MentoringImportResult(0, problems);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var number = 1;
        foreach (var request in requests)
        {
            number++;
            try
            {
                await MentoringPairs.PairAsync(db, request, now, cancellationToken).ConfigureAwait(false);
            }
            catch (PairingRefusedException e)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"row {rows[number - 2].Number}: {e.Message}"));
            }
        }
        if (problems.Count > 0)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            db.ChangeTracker.Clear();
            return new MentoringImportResult(0, problems);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new MentoringImportResult(requests.Count, []);
    }

    private static PairingRequest? Parse(SheetRow row, string? createdBy, out string? problem)
    {
        string Cell(string column) => row.Cells.TryGetValue(column, out var value) ? value.Trim() : "";
        var at = string.Create(CultureInfo.InvariantCulture, $"row {row.Number}");
        problem = null;
        if (Cell("mentor_nip").Length == 0 || Cell("mentee_nip").Length == 0)
        {
            problem = $"{at}: mentor_nip and mentee_nip are required";
            return null;
        }
        var every = 14;
        if (Cell("every_days") is { Length: > 0 } everyText && !int.TryParse(everyText, NumberStyles.None, CultureInfo.InvariantCulture, out every))
        {
            problem = $"{at}: every_days must be a whole number of days, e.g. 14";
            return null;
        }
        DateOnly? first = null;
        if (Cell("first_session") is { Length: > 0 } firstText)
        {
            if (!DateOnly.TryParseExact(firstText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                problem = $"{at}: first_session must be a date yyyy-mm-dd";
                return null;
            }
            first = day;
        }
        if (ParseRole(Cell("role")) is not { } role)
        {
            problem = $"{at}: role must be mentor or atasan";
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
