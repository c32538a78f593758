using System.Globalization;
using System.Text.RegularExpressions;
using AsnBot.Knowledge.Competencies;
using AsnBot.Knowledge.Regions;

namespace AsnBot.Knowledge.Catalog;

/// <summary>A row that cannot be imported: where, and why (a sentence of <see cref="ImportTexts"/>, which also writes the whole line).</summary>
public sealed record ImportError(int Row, string Column, string Reason);

public sealed record ImportProgress(string Stage, int Done, int Total);

public sealed record CatalogImportResult(IReadOnlyList<Training> Trainings, IReadOnlyList<ImportError> Errors, int Rows)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Turns the rows of a catalog file into trainings, checking every cell. It reports every
/// problem it finds, not only the first, so a coordinator fixes the sheet in one pass; the
/// caller imports nothing unless there are none.
/// </summary>
public static partial class CatalogImport
{
    private const int ProgressEvery = 500;
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d/M/yyyy", "d-M-yyyy"];

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")]
    private static partial Regex CodeSyntax();

    [GeneratedRegex(@"^(\d{1,12}|\d{1,3}(\.\d{3}){1,4})$")]
    private static partial Regex RupiahSyntax();

    [GeneratedRegex("^(KL(0[1-9]|1[01])|NKL(0[1-9]|1[0-2]))$")]
    private static partial Regex PathSyntax();

    public static CatalogImportResult Validate(
        IReadOnlyList<SheetRow> rows, CompetencyFramework competencies, RegionDirectory regions, ImportTexts texts, IProgress<ImportProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(competencies);
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(texts);
        var errors = new List<ImportError>();
        if (rows.Count > 0)
        {
            foreach (var column in CatalogSheet.RequiredColumns.Where(c => !rows[0].Cells.ContainsKey(c)))
                errors.Add(new ImportError(1, column, texts.Format("column_missing")));
            if (errors.Count > 0)
                return new CatalogImportResult([], errors, rows.Count);
        }

        var trainings = new Dictionary<string, (Training Training, SheetRow First)>(StringComparer.Ordinal);
        var sessionRows = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var reader = new RowReader(row, errors, texts);
            var code = reader.Text(CatalogSheet.Code, required: true);
            if (code.Length > 0 && !CodeSyntax().IsMatch(code))
                reader.Fail(CatalogSheet.Code, "catalog.code");

            if (code.Length > 0 && trainings.TryGetValue(code, out var known))
                CompareWithFirst(row, known.First, errors, texts);
            else if (code.Length > 0 && ReadTraining(reader, code, competencies) is { } training)
                trainings[code] = (training, row);

            if (ReadSession(reader, code, regions) is { } session)
            {
                if (sessionRows.TryGetValue(session.Id, out var firstRow))
                    reader.Fail(CatalogSheet.SessionId, "catalog.session_repeated", ("session", session.Id), ("row", firstRow));
                else
                {
                    sessionRows[session.Id] = row.Number;
                    if (trainings.TryGetValue(code, out var owner))
                        owner.Training.Sessions.Add(session);
                }
            }
            if ((i + 1) % ProgressEvery == 0 || i + 1 == rows.Count)
                progress?.Report(new ImportProgress("check", i + 1, rows.Count));
        }
        return errors.Count == 0
            ? new CatalogImportResult([.. trainings.Values.Select(t => t.Training)], [], rows.Count)
            : new CatalogImportResult([], [.. errors.OrderBy(e => e.Row)], rows.Count);
    }

    private static Training? ReadTraining(RowReader reader, string code, CompetencyFramework competencies)
    {
        var title = reader.Text(CatalogSheet.Title, required: true);
        var path = reader.Text(CatalogSheet.Path, required: true).ToUpperInvariant();
        if (path.Length > 0 && !PathSyntax().IsMatch(path))
            reader.Fail(CatalogSheet.Path, "catalog.path", ("path", path));
        var modeText = reader.Text(CatalogSheet.Mode, required: true);
        TrainingMode? mode = Enum.TryParse<TrainingMode>(modeText, ignoreCase: true, out var parsed) && !int.TryParse(modeText, out _) ? parsed : null;
        if (mode is null && modeText.Length > 0)
            reader.Fail(CatalogSheet.Mode, "catalog.mode", ("mode", modeText));
        var jp = reader.Number(CatalogSheet.Jp, 0, 2000, required: true);
        var certificate = reader.YesNo(CatalogSheet.Certificate);
        var cost = reader.Rupiah(CatalogSheet.Cost);
        var covered = ReadCompetencies(reader, code, competencies);
        if (title.Length == 0 || path.Length == 0 || mode is null || jp is null || covered is null)
            return null;
        return new Training
        {
            Code = code,
            Title = title,
            Description = reader.Text(CatalogSheet.Description),
            Path = path,
            Mode = mode.Value,
            Jp = jp.Value,
            Provider = reader.Text(CatalogSheet.Provider),
            Keywords = [.. reader.Text(CatalogSheet.Keywords).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            HasCertificate = certificate ?? false,
            Cost = cost,
            Competencies = covered,
        };
    }

    /// <summary>"M.3:2; T.02:3": each a code of the dictionary and a target level 1-5.</summary>
    private static List<TrainingCompetency>? ReadCompetencies(RowReader reader, string code, CompetencyFramework competencies)
    {
        var text = reader.Text(CatalogSheet.Competencies, required: true);
        if (text.Length == 0)
            return null;
        var result = new List<TrainingCompetency>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split(':', StringSplitOptions.TrimEntries);
            if (pieces.Length != 2 || !int.TryParse(pieces[1], NumberStyles.None, CultureInfo.InvariantCulture, out var level) || level is < 1 or > 5)
            {
                reader.Fail(CatalogSheet.Competencies, "catalog.competency_syntax", ("part", part));
                return null;
            }
            if (competencies.Find(pieces[0]) is not { } competency)
            {
                reader.Fail(CatalogSheet.Competencies, "catalog.competency_unknown", ("code", pieces[0]));
                return null;
            }
            if (result.Any(c => c.CompetencyCode == competency.Code))
            {
                reader.Fail(CatalogSheet.Competencies, "catalog.competency_twice", ("code", competency.Code));
                return null;
            }
            result.Add(new TrainingCompetency { TrainingCode = code, CompetencyCode = competency.Code, Level = level });
        }
        return result;
    }

    private static TrainingSession? ReadSession(RowReader reader, string code, RegionDirectory regions)
    {
        var id = reader.Text(CatalogSheet.SessionId);
        if (id.Length == 0)
        {
            foreach (var column in CatalogSheet.SessionColumns.Where(c => reader.Text(c).Length > 0))
                reader.Fail(column, "catalog.session_needs_id");
            return null;
        }
        if (!CodeSyntax().IsMatch(id))
            reader.Fail(CatalogSheet.SessionId, "catalog.code");
        var start = reader.Date(CatalogSheet.Start, required: true);
        var end = reader.Date(CatalogSheet.End) ?? start;
        if (start is { } s && end is { } e && e < s)
            reader.Fail(CatalogSheet.End, "catalog.ends_before_start");
        var online = reader.YesNo(CatalogSheet.Online) ?? false;
        var place = reader.Text(CatalogSheet.Place);
        if (!online && place.Length == 0)
            reader.Fail(CatalogSheet.Place, "catalog.needs_place");
        var provinceText = reader.Text(CatalogSheet.Province);
        var province = provinceText.Length == 0 ? null : regions.Find(provinceText);
        if (provinceText.Length > 0 && province is null)
            reader.Fail(CatalogSheet.Province, "catalog.province", ("province", provinceText));
        var quota = reader.Number(CatalogSheet.Quota, 0, 100_000, required: true);
        if (start is null || quota is null || code.Length == 0)
            return null;
        return new TrainingSession
        {
            Id = id,
            TrainingCode = code,
            Start = start.Value,
            End = end ?? start.Value,
            Place = place,
            Province = province?.Name,
            IsOnline = online,
            Quota = quota.Value,
        };
    }

    /// <summary>A training spread over several rows must say the same thing on each.</summary>
    private static void CompareWithFirst(SheetRow row, SheetRow first, List<ImportError> errors, ImportTexts texts)
    {
        foreach (var column in CatalogSheet.TrainingColumns)
        {
            var here = row.Cells.GetValueOrDefault(column, "");
            if (here.Length > 0 && here != first.Cells.GetValueOrDefault(column, ""))
                errors.Add(new ImportError(row.Number, column, texts.Format("catalog.differs", ("row", first.Number))));
        }
    }

    private sealed class RowReader(SheetRow row, List<ImportError> errors, ImportTexts texts)
    {
        /// <summary>Records the sentence <paramref name="key"/> of <see cref="ImportTexts"/> against this row's <paramref name="column"/>.</summary>
        public void Fail(string column, string key, params (string Name, object Value)[] values) =>
            errors.Add(new ImportError(row.Number, column, texts.Format(key, values)));

        public string Text(string column, bool required = false)
        {
            var value = row.Cells.GetValueOrDefault(column, "").Trim();
            if (required && value.Length == 0)
                Fail(column, "empty");
            return value;
        }

        public int? Number(string column, int min, int max, bool required = false)
        {
            var text = Text(column, required);
            if (text.Length == 0)
                return null;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
                return value;
            Fail(column, "whole_number", ("value", text), ("min", min), ("max", max));
            return null;
        }

        /// <summary>Whole rupiah, written plain or with dots between thousands: 1500000 or 1.500.000.</summary>
        public decimal? Rupiah(string column)
        {
            var text = Text(column);
            if (text.Length == 0)
                return null;
            if (RupiahSyntax().IsMatch(text))
                return decimal.Parse(text.Replace(".", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture);
            Fail(column, "rupiah", ("value", text));
            return null;
        }

        public DateOnly? Date(string column, bool required = false)
        {
            var text = Text(column, required);
            if (text.Length == 0)
                return null;
            if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return date;
            Fail(column, "date", ("value", text));
            return null;
        }

        public bool? YesNo(string column)
        {
            var text = Text(column).ToLowerInvariant();
            switch (text)
            {
                case "":
                    return null;
                case "ya" or "y" or "yes" or "true" or "1":
                    return true;
                case "tidak" or "t" or "no" or "false" or "0":
                    return false;
                default:
                    Fail(column, "yes_no", ("value", text));
                    return null;
            }
        }
    }
}
