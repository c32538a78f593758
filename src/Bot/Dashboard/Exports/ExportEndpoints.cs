using AsnBot.Dashboard.Access;
using AsnBot.Dashboard.Audit;
using AsnBot.Dashboard.People;
using AsnBot.Knowledge.Catalog;
using AsnBot.Knowledge.Persistence;

namespace AsnBot.Dashboard.Exports;

/// <summary>
/// <c>GET /admin/ekspor/{dataset}.{csv|xlsx}</c> with the people list's filter as query string,
/// and <c>GET /admin/ekspor/katalog.{csv|xlsx}</c>, the catalog in the import's own columns.
/// Every download of personal data is written to the audit log before it is sent.
/// </summary>
public static class ExportEndpoints
{
    private const string CatalogDataset = "katalog";

    /// <remarks>
    /// One route for both: <c>katalog.{format}</c> next to <c>{dataset}.{format}</c> is a second
    /// complex segment of the same precedence, which routing refuses as ambiguous.
    /// </remarks>
    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/ekspor/{dataset}.{format}", ExportAsync).RequireAuthorization(DashboardRoles.CoordinatorPolicy);
        return app;
    }

    private static async Task<IResult> ExportAsync(
        string dataset, string format, HttpContext context, PersonalDataExport export, AuditLog audit, AsnBotDbContext db, CancellationToken cancellationToken)
    {
        if (ParseFormat(format) is not { } kind)
            return Results.NotFound();
        if (dataset == CatalogDataset)
            return await ExportCatalogAsync(db, kind, $"{dataset}.{format}", cancellationToken);
        if (!PersonalDataExport.Datasets.Contains(dataset))
            return Results.NotFound();
        var scope = DashboardScope.Of(context.User);
        var filter = PeopleFilter.FromQuery(context.Request.Query);
        var table = await export.BuildAsync(dataset, scope, filter, cancellationToken);
        await audit.WriteAsync(context.User, $"{AuditActions.Export}.{dataset}.{format}", $"{table.Rows.Count} baris; {filter}", cancellationToken);
        return Download(table, kind, $"{dataset}.{format}");
    }

    private static async Task<IResult> ExportCatalogAsync(AsnBotDbContext db, ExportFormat format, string fileName, CancellationToken cancellationToken)
    {
        var trainings = await CatalogStore.LoadAsync(db, cancellationToken);
        var rows = CatalogSheet.ToRows(trainings).Select(r => (IReadOnlyList<object?>)[.. CatalogSheet.Columns.Select(c => (object?)r[c])]).ToList();
        return Download(new ExportTable("catalog", CatalogSheet.Columns, rows), format, fileName);
    }

    private static IResult Download(ExportTable table, ExportFormat format, string fileName) =>
        Results.Stream(
            stream => table.WriteAsync(stream, format, CancellationToken.None),
            format == ExportFormat.Csv ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            fileName);

    private static ExportFormat? ParseFormat(string format) => format switch
    {
        "csv" => ExportFormat.Csv,
        "xlsx" => ExportFormat.Xlsx,
        _ => null,
    };
}
