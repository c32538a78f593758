using System.Globalization;
using AsnBot.Knowledge.Competencies;
using AsnBot.Knowledge.LearningHours;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Profiles;
using AsnBot.Knowledge.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsnBot.Knowledge.Demo;

public sealed record DemoNeedsResult(int Surveys, int LearningHoursEntries);

/// <summary>
/// What seeded people need and have learned, so the dashboard and the audience filters have
/// data: one needs survey each (the nine core competencies and two technical ones, rated
/// against their job level: most close to what the job asks, some far below), and this year's
/// JP credited through the ledger, from none to well over 20. Fictional, like the people.
/// </summary>
public static class DemoNeeds
{
    private const int ChunkSize = 500;

    private static readonly string[] Core = ["M.1", "M.2", "M.3", "M.4", "M.5", "M.6", "M.7", "M.8", "SK.1"];
    private static readonly string[] Technical = ["T.01", "T.02", "T.03", "T.04", "T.05", "T.06", "T.07", "T.08", "T.09", "T.10"];

    /// <summary>Gap drawn per rating: weights for 0, 1, 2, 3 levels below the job's requirement.</summary>
    private static readonly int[] GapWeights = [45, 30, 18, 7];

    private static readonly string[] Challenges =
    [
        "Belum lancar mengolah data di Excel untuk laporan bulanan",
        "Sering menghadapi warga yang marah saat antrean layanan panjang",
        "Sulit membagi waktu antara rapat dan pekerjaan rutin",
        "Belum paham alur e-office dan tanda tangan elektronik",
        "Koordinasi dengan instansi lain sering terlambat",
        "Menyusun kajian kebijakan dari data yang berserakan",
        "Arsip dokumen belum tertata sehingga sulit dicari",
        "Perlu meningkatkan kemampuan presentasi di depan pimpinan",
    ];

    private static readonly string[] Modes = ["klasikal", "daring", "blended", ""];
    private static readonly string[] Availability = ["pagi", "siang", "sore", "kapan saja"];

    /// <summary>A way to earn JP this year, as the ledger converts it.</summary>
    private sealed record Activity(string Path, LearningSource Source, string Title, decimal? Jp, bool NeedsVerification = false);

    private static readonly Activity[] Activities =
    [
        new("KL03", LearningSource.Training, "Pelatihan Microsoft Excel untuk Administrasi Perkantoran", 16m),
        new("KL02", LearningSource.Training, "Pelatihan Komunikasi Publik dan Pelayanan Prima", 24m),
        new("KL06", LearningSource.Training, "Seminar Transformasi Digital Pemerintahan", null),
        new("KL07", LearningSource.Training, "Workshop Penyusunan SOP", null),
        new("NKL03", LearningSource.Training, "E-learning Literasi Digital ASN", null),
        new("NKL01", LearningSource.Coaching, "Coaching dengan atasan langsung", null),
        new("NKL02", LearningSource.Mentoring, "Mentoring aksi perubahan", null),
        new("NKL09", LearningSource.Other, "Belajar mandiri: modul manajemen arsip", null),
        new("NKL10", LearningSource.Other, "Komunitas belajar perencana daerah", null),
        new("KL08", LearningSource.Certificate, "Kursus analisis data (sertifikat dari luar)", null, NeedsVerification: true),
    ];

    /// <summary>Adds a survey and JP to every seeded person who has no survey yet; running it again adds nothing.</summary>
    public static async Task<DemoNeedsResult> SeedAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken, int seed = 2026)
    {
        ArgumentNullException.ThrowIfNull(services);
        var random = new Random(seed);
        int surveys = 0, entries = 0;
        while (true)
        {
            // A fresh context per chunk keeps the change tracker, and memory, small for 100,000 people.
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AsnBotDbContext>();
            var competencies = scope.ServiceProvider.GetRequiredService<CompetencyFramework>();
            var ledger = scope.ServiceProvider.GetRequiredService<LearningHoursLedger>();
            var people = await db.Set<Person>().AsNoTracking()
                .Where(p => db.Set<SeededPerson>().Any(s => s.PersonId == p.Id) && !db.Set<NeedsSurvey>().Any(s => s.PersonId == p.Id))
                .OrderBy(p => p.Id)
                .Select(p => new { p.Id, p.JobLevel, p.TimeZone })
                .Take(ChunkSize)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            if (people.Count == 0)
                break;
            foreach (var person in people)
            {
                db.Add(Survey(competencies, person.Id, person.JobLevel, now, random));
                var today = DateOnly.FromDateTime(person.TimeZone.ToLocal(now).DateTime);
                foreach (var activity in LearningOf(person.Id, today, random))
                {
                    if (await ledger.CreditAsync(activity, cancellationToken).ConfigureAwait(false) is not null)
                        entries++;
                }
            }
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            surveys += people.Count;
        }
        return new DemoNeedsResult(surveys, entries);
    }

    private static NeedsSurvey Survey(CompetencyFramework competencies, Guid personId, string jobLevel, DateTimeOffset now, Random random)
    {
        var codes = Core.Concat(Technical.OrderBy(_ => random.Next()).Take(2));
        var selfRatings = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            var required = competencies.Find(code) is null ? null : competencies.RequiredLevel(code, jobLevel);
            if (required is not { } level)
                continue;
            // One in ten rates themselves a level above what the job asks.
            var current = random.Next(10) == 0 ? level + 1 : level - Draw(GapWeights, random);
            selfRatings[code] = Math.Clamp(current, 1, 5);
        }
        var completed = now.AddDays(-random.Next(3, 150)).AddMinutes(-random.Next(600));
        return new NeedsSurvey
        {
            PersonId = personId,
            JobLevel = jobLevel,
            StartedAt = completed.AddMinutes(-4 - random.Next(10)),
            CompletedAt = completed,
            Challenge = Challenges[random.Next(Challenges.Length)],
            PreferredMode = Modes[random.Next(Modes.Length)],
            Availability = Availability[random.Next(Availability.Length)],
            Ratings = NeedsSurveys.Rate(competencies, jobLevel, selfRatings),
        };
    }

    /// <summary>Zero to five activities this year, on dates up to today: some people are done with their 20 JP, many are not.</summary>
    private static IEnumerable<LearningActivity> LearningOf(Guid personId, DateOnly today, Random random)
    {
        var count = Draw([15, 20, 25, 20, 12, 8], random);
        var yearStart = new DateOnly(today.Year, 1, 1);
        for (var i = 0; i < count; i++)
        {
            var activity = Activities[random.Next(Activities.Length)];
            var learnedOn = yearStart.AddDays(random.Next(today.DayNumber - yearStart.DayNumber + 1));
            yield return new LearningActivity(
                personId, activity.Path, activity.Source, activity.Title, learnedOn,
                string.Create(CultureInfo.InvariantCulture, $"demo:{personId:N}:{i}"), activity.Jp, activity.NeedsVerification);
        }
    }

    private static int Draw(int[] weights, Random random)
    {
        var pick = random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            if ((pick -= weights[i]) < 0)
                return i;
        }
        return weights.Length - 1;
    }
}
