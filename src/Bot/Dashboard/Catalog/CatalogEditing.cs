using AsnBot.Knowledge.Catalog;
using AsnBot.Knowledge.Competencies;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Recommendations;
using AsnBot.Knowledge.Regions;

namespace AsnBot.Dashboard.Catalog;

/// <summary>
/// The dashboard's catalog changes go through the same checks as an imported file: a training
/// edited in the form is turned into the file's rows and validated by <see cref="CatalogImport"/>,
/// so the form and the import can never disagree on what is valid.
/// </summary>
public sealed class CatalogEditing(AsnBotDbContext db, CompetencyFramework competencies, RegionDirectory regions, ImportTexts texts, RecommendationService recommendations)
{
    public async Task<CatalogImportResult> ImportAsync(string path, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var rows = CatalogFiles.Read(path);
        var result = CatalogImport.Validate(rows, competencies, regions, texts, progress);
        if (result.IsValid)
            await SaveAsync(result.Trainings, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public async Task<CatalogImportResult> SaveAsync(CatalogForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var rows = form.ToRows().Select((cells, i) => new SheetRow(i + 2, cells)).ToList();
        var result = CatalogImport.Validate(rows, competencies, regions, texts);
        if (result.IsValid)
            await SaveAsync(result.Trainings, cancellationToken).ConfigureAwait(false);
        return result;
    }

    private async Task SaveAsync(IReadOnlyList<Training> trainings, CancellationToken cancellationToken)
    {
        await CatalogStore.UpsertAsync(db, trainings, cancellationToken).ConfigureAwait(false);
        recommendations.Invalidate();
    }
}
