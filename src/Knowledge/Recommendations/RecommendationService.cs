using AsnBot.Knowledge.Catalog;
using AsnBot.Knowledge.Competencies;
using AsnBot.Knowledge.Enrollments;
using AsnBot.Knowledge.LearningHours;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Profiles;
using AsnBot.Knowledge.Surveys;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Knowledge.Recommendations;

/// <summary>
/// The one engine behind the chat, the command line and the HTTP API. It keeps a
/// recommender built from the catalog in the database, rebuilt after an import in this
/// process and, for imports run by another process (the import-catalog command next to
/// a running server), once it is older than <see cref="RefreshAfter"/>.
/// </summary>
public sealed class RecommendationService(CompetencyFramework competencies, RecommendationTexts texts, TimeProvider time) : IDisposable
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _building = new(1, 1);
    private TrainingRecommender? _current;
    private DateTimeOffset _builtAt;

    public CompetencyFramework Competencies => competencies;

    public async Task<TrainingRecommender> RecommenderAsync(AsnBotDbContext db, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _current) is { } ready && !IsStale())
            return ready;
        await _building.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_current is null || IsStale())
            {
                var trainings = await CatalogStore.LoadAsync(db, cancellationToken).ConfigureAwait(false);
                // The old one is left to the garbage collector: a request may still be searching it.
                _builtAt = time.GetUtcNow();
                Volatile.Write(ref _current, new TrainingRecommender(trainings, competencies, texts));
            }
            return _current!;
        }
        finally
        {
            _building.Release();
        }
    }

    private bool IsStale() => time.GetUtcNow() - _builtAt > RefreshAfter;

    /// <summary>The catalog changed: the next request builds a fresh index.</summary>
    public void Invalidate() => Volatile.Write(ref _current, null);

    public async Task<Recommendation> RecommendAsync(AsnBotDbContext db, RecommendationRequest request, CancellationToken cancellationToken)
    {
        var recommender = await RecommenderAsync(db, cancellationToken).ConfigureAwait(false);
        return recommender.Recommend(request);
    }

    /// <summary>
    /// A person's request: the gaps and challenge of their latest survey (plus any text they
    /// typed now), their preferred mode, province and job level, minus trainings they
    /// already showed interest in, and their JP credited in their own local year at
    /// <paramref name="now"/>. Null when the person is unknown.
    /// </summary>
    public static async Task<RecommendationRequest?> RequestForPersonAsync(AsnBotDbContext db, Guid personId, string? text, int top, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var person = await db.Set<Person>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, cancellationToken).ConfigureAwait(false);
        if (person is null)
            return null;
        var survey = await NeedsSurveys.LatestAsync(db, personId, cancellationToken).ConfigureAwait(false);
        var enrolled = await db.Set<Enrollment>().Where(e => e.PersonId == personId).Select(e => e.TrainingCode)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var jpThisYear = await CreditedJp.Query(db, db.Set<Person>().Where(p => p.Id == personId), LocalYears.At(now))
            .Select(c => c.Jp).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return new RecommendationRequest
        {
            Text = string.IsNullOrWhiteSpace(text) ? survey?.Challenge : text,
            Gaps = survey?.Ratings.Where(r => r.Gap > 0)
                .Select(r => new CompetencyGap(r.CompetencyCode, r.Gap, r.CurrentLevel, r.RequiredLevel)).ToList() ?? [],
            JobLevel = person.JobLevel,
            PreferredMode = survey?.PreferredMode,
            Province = person.Province,
            Top = top,
            Excluded = enrolled.ToHashSet(StringComparer.Ordinal),
            JpThisYear = jpThisYear,
            Today = DateOnly.FromDateTime(person.TimeZone.ToLocal(now).DateTime),
        };
    }

    public void Dispose()
    {
        _current?.Dispose();
        _building.Dispose();
    }
}
