using AsnBot.Knowledge.Catalog;

namespace AsnBot.Knowledge.Enrollments;

public sealed record AttendanceImportResult(IReadOnlyList<EnrollmentView> Applied, IReadOnlyList<ImportError> Errors, int Rows)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// An attendance list (CSV or XLSX, columns <c>nip</c>, <c>training</c>, <c>status</c>, optional
/// <c>session</c>): every row checked, every problem reported with its row, and nothing saved
/// unless all rows are valid. The layout is in docs/enrollments.md.
/// </summary>
public sealed class AttendanceImport(EnrollmentService enrollments, ImportTexts texts, Persistence.AsnBotDbContext db)
{
    public const string Nip = "nip";
    public const string Training = "training";
    public const string Status = "status";
    public const string Session = "session";

    public static readonly IReadOnlyList<string> RequiredColumns = [Nip, Training, Status];

    public Task<AttendanceImportResult> ImportAsync(IReadOnlyList<SheetRow> rows, CancellationToken cancellationToken) =>
        ImportAsync(rows, null, null, cancellationToken);

    /// <summary>
    /// As <see cref="ImportAsync(IReadOnlyList{SheetRow}, CancellationToken)"/>, for people among
    /// <paramref name="within"/> only (a row naming anyone else is a row error), reporting each checked row.
    /// </summary>
    public async Task<AttendanceImportResult> ImportAsync(
        IReadOnlyList<SheetRow> rows, IQueryable<Profiles.Person>? within, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var errors = new List<ImportError>();
        if (rows.Count > 0)
        {
            errors.AddRange(RequiredColumns.Where(c => !rows[0].Cells.ContainsKey(c)).Select(c => new ImportError(1, c, texts.Format("column_missing"))));
            if (errors.Count > 0)
                return new AttendanceImportResult([], errors, rows.Count);
        }
        var applied = new List<EnrollmentView>();
        var done = 0;
        foreach (var row in rows)
        {
            progress?.Report(new ImportProgress("check", done++, rows.Count));
            var nip = row.Cells.GetValueOrDefault(Nip, "").Trim();
            var training = row.Cells.GetValueOrDefault(Training, "").Trim();
            var statusText = row.Cells.GetValueOrDefault(Status, "").Trim();
            if (nip.Length == 0)
                errors.Add(new ImportError(row.Number, Nip, texts.Format("empty")));
            if (training.Length == 0)
                errors.Add(new ImportError(row.Number, Training, texts.Format("empty")));
            if (!EnrollmentTransitions.TryParse(statusText, out var status))
                errors.Add(new ImportError(row.Number, Status, texts.Format("attendance.status", ("value", statusText))));
            if (nip.Length == 0 || training.Length == 0 || errors.Any(e => e.Row == row.Number))
                continue;
            var session = row.Cells.GetValueOrDefault(Session, "").Trim();
            var (refusal, view) = await enrollments.ApplyAsync(new EnrollmentChange(nip, training, status, session.Length > 0 ? session : null), within, cancellationToken).ConfigureAwait(false);
            if (refusal is not null)
                errors.Add(new ImportError(row.Number, ColumnOf(refusal.Part), refusal.Reason));
            else
                applied.Add(view!);
        }
        progress?.Report(new ImportProgress("check", rows.Count, rows.Count));
        if (errors.Count > 0)
        {
            // Nothing of a sheet with a bad row is kept: the coordinator fixes it and imports it again.
            db.ChangeTracker.Clear();
            return new AttendanceImportResult([], errors, rows.Count);
        }
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new AttendanceImportResult(applied, [], rows.Count);
    }

    private static string ColumnOf(EnrollmentPart part) => part switch
    {
        EnrollmentPart.Person => Nip,
        EnrollmentPart.Training => Training,
        EnrollmentPart.Session => Session,
        _ => Status,
    };
}
