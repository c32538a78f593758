using AsnBot.Knowledge.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Knowledge.Catalog;

/// <summary>Reads and replaces the catalog held in the database.</summary>
public static class CatalogStore
{
    public static async Task<List<Training>> LoadAsync(AsnBotDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Set<Training>().AsNoTracking().AsSplitQuery()
            .Include(t => t.Competencies).Include(t => t.Sessions)
            .OrderBy(t => t.Code)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Adds new trainings and updates existing ones by code, with their competencies and
    /// sessions replaced by the given ones. Trainings not in the list stay, so interest
    /// already recorded for them keeps its meaning.
    /// </summary>
    public static async Task UpsertAsync(AsnBotDbContext db, IReadOnlyList<Training> trainings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(trainings);
        var codes = trainings.Select(t => t.Code).ToList();
        var existing = await db.Set<Training>().AsSplitQuery().Include(t => t.Competencies).Include(t => t.Sessions)
            .Where(t => codes.Contains(t.Code)).ToDictionaryAsync(t => t.Code, cancellationToken).ConfigureAwait(false);
        foreach (var training in trainings)
        {
            if (!existing.TryGetValue(training.Code, out var stored))
            {
                db.Add(training);
                continue;
            }
            stored.Title = training.Title;
            stored.Description = training.Description;
            stored.Path = training.Path;
            stored.Mode = training.Mode;
            stored.Jp = training.Jp;
            stored.Provider = training.Provider;
            stored.Cost = training.Cost;
            stored.Keywords = training.Keywords;
            stored.HasCertificate = training.HasCertificate;
            db.RemoveRange(stored.Competencies.Where(c => training.Competencies.All(n => n.CompetencyCode != c.CompetencyCode)));
            foreach (var competency in training.Competencies)
            {
                if (stored.Competencies.FirstOrDefault(c => c.CompetencyCode == competency.CompetencyCode) is { } kept)
                    kept.Level = competency.Level;
                else
                    stored.Competencies.Add(competency);
            }
            db.RemoveRange(stored.Sessions.Where(s => training.Sessions.All(n => n.Id != s.Id)));
            foreach (var session in training.Sessions)
            {
                if (stored.Sessions.FirstOrDefault(s => s.Id == session.Id) is { } kept)
                {
                    kept.Start = session.Start;
                    kept.End = session.End;
                    kept.Place = session.Place;
                    kept.Province = session.Province;
                    kept.IsOnline = session.IsOnline;
                    kept.Quota = session.Quota;
                }
                else
                {
                    stored.Sessions.Add(session);
                }
            }
        }
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The shipped catalog goes in on first start only; after that the coordinators own it.</summary>
    public static async Task<bool> SeedIfEmptyAsync(AsnBotDbContext db, string catalogYamlPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Set<Training>().AnyAsync(cancellationToken).ConfigureAwait(false))
            return false;
        db.AddRange(CatalogYaml.Load(catalogYamlPath));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }
}
