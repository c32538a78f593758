using System.Globalization;
using MiniExcelLibs;

namespace AsnBot.Knowledge.Catalog;

public enum CatalogFormat
{
    Csv,
    Xlsx,
}

/// <summary>A data row of a catalog file with its row number as a spreadsheet shows it (the header is row 1).</summary>
public sealed record SheetRow(int Number, IReadOnlyDictionary<string, string> Cells);

/// <summary>
/// A file that cannot be read as a sheet at all. The message is for the log; people read the
/// sentence <see cref="Key"/> of data/import-texts.yaml (<see cref="ImportTexts.Unreadable"/>).
/// </summary>
public sealed class CatalogFileException : IOException
{
    public CatalogFileException(string key, string message, params (string Name, object Value)[] values)
        : base(message)
    {
        Key = key;
        Values = values;
    }

    public CatalogFileException(string key, string message, Exception inner)
        : base(message, inner)
    {
        Key = key;
        Values = [];
    }

    public string Key { get; }

    public IReadOnlyList<(string Name, object Value)> Values { get; }
}

/// <summary>Reads and writes the flat catalog layout as CSV (UTF-8, comma) or XLSX (first sheet), both through MiniExcel.</summary>
public static class CatalogFiles
{
    public static CatalogFormat FormatOf(string path) =>
        System.IO.Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" => CatalogFormat.Csv,
            ".xlsx" => CatalogFormat.Xlsx,
            var other => throw new CatalogFileException("file.format", $"'{other}' is not a catalog format; use .csv or .xlsx", ("extension", other)),
        };

    public static List<SheetRow> Read(string path)
    {
        var rows = Read(path, FormatOf(path) == CatalogFormat.Csv ? ExcelType.CSV : ExcelType.XLSX);
        try
        {
            // Blank lines in a sheet are not rows anyone meant to import.
            return [.. rows.Where(r => r.Cells.Values.Any(v => v.Length > 0))];
        }
        catch (MiniExcelLibs.Exceptions.ExcelColumnNotFoundException e)
        {
            throw new CatalogFileException("file.columns", $"{e.Message}: every row needs as many columns as the header row (add empty cells for optional columns).", e);
        }
    }

    private static IEnumerable<SheetRow> Read(string path, ExcelType type)
    {
        var number = 1;
        foreach (IDictionary<string, object?> row in MiniExcel.Query(path, useHeaderRow: true, excelType: type))
        {
            number++;
            var cells = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (key, value) in row)
                cells[key.Trim()] = Cell(value);
            yield return new SheetRow(number, cells);
        }
    }

    /// <summary>Excel may hand back numbers and dates typed by a coordinator; they become the text the layout expects.</summary>
    private static string Cell(object? value) => value switch
    {
        null => "",
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double number => number.ToString(CultureInfo.InvariantCulture),
        bool flag => flag ? "ya" : "tidak",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? "",
    };

    public static void Write(string path, CatalogFormat format, IEnumerable<Training> trainings)
    {
        var rows = CatalogSheet.ToRows(trainings).ToList();
        var sheet = rows.Select(r => CatalogSheet.Columns.ToDictionary(c => c, c => (object)r[c])).ToList();
        if (sheet.Count == 0)
            sheet.Add(CatalogSheet.Columns.ToDictionary(c => c, _ => (object)""));
        MiniExcel.SaveAs(path, sheet, sheetName: "catalog", excelType: format == CatalogFormat.Csv ? ExcelType.CSV : ExcelType.XLSX, overwriteFile: true);
    }
}
