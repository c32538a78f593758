using System.Globalization;
using CsvHelper;
using MiniExcelLibs;

namespace AsnBot.Dashboard.Exports;

public enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>A table to download: a header and rows of cells, written as CSV (CsvHelper) or XLSX (MiniExcel).</summary>
public sealed record ExportTable(string Name, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    public async Task WriteAsync(Stream output, ExportFormat format, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (format == ExportFormat.Csv)
        {
            // UTF-8 with a byte order mark, so Excel shows names with diacritics correctly.
            await using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
            await using (var csv = CsvWriter.Create(writer, CsvWriterOptions.Default, leaveOpen: true))
            {
                foreach (var column in Columns)
                    csv.WriteField(column);
                csv.EndRecord();
                foreach (var row in Rows)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    foreach (var cell in row)
                        csv.WriteField(Text(cell));
                    csv.EndRecord();
                }
                await csv.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            return;
        }
        var sheet = Rows.Select(row => Columns.Select((column, i) => (column, value: row[i])).ToDictionary(c => c.column, c => c.value)).ToList();
        if (sheet.Count == 0)
            sheet.Add(Columns.ToDictionary(c => c, _ => (object?)null));
        // MiniExcel writes synchronously to a seekable stream; the response body is neither.
        using var buffer = new MemoryStream();
        await buffer.SaveAsAsync(sheet, sheetName: Name, excelType: ExcelType.XLSX, cancellationToken: cancellationToken).ConfigureAwait(false);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        DateTimeOffset instant => instant.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
