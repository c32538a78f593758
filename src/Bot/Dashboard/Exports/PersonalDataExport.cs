using AsnBot.Dashboard.Access;
using AsnBot.Dashboard.People;
using AsnBot.Evaluation;
using AsnBot.Knowledge.Enrollments;
using AsnBot.Knowledge.Evaluation;
using AsnBot.Knowledge.LearningHours;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Surveys;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Dashboard.Exports;

/// <summary>The datasets coordinators download, each limited to the scope's people and the list's filter.</summary>
public sealed class PersonalDataExport(AsnBotDbContext db, EvaluationItemLabels labels, TimeProvider time)
{
    public static readonly IReadOnlyList<string> Datasets = ["pegawai", "survei", "pendaftaran", "jp", "evaluasi"];

    public Task<ExportTable> BuildAsync(string dataset, DashboardScope scope, PeopleFilter filter, CancellationToken cancellationToken) => dataset switch
    {
        "pegawai" => PeopleTableAsync(scope, filter, cancellationToken),
        "survei" => SurveysAsync(scope, filter, cancellationToken),
        "pendaftaran" => EnrollmentsAsync(scope, filter, cancellationToken),
        "jp" => LearningHoursAsync(scope, filter, cancellationToken),
        "evaluasi" => EvaluationsAsync(scope, filter, cancellationToken),
        _ => throw new ArgumentException($"Unknown dataset '{dataset}'.", nameof(dataset)),
    };

    private Task<IQueryable<Knowledge.Profiles.Person>> PeopleAsync(DashboardScope scope, PeopleFilter filter, CancellationToken cancellationToken) =>
        filter.ApplyAsync(scope.People(db), db, time, cancellationToken);

    private async Task<ExportTable> PeopleTableAsync(DashboardScope scope, PeopleFilter filter, CancellationToken cancellationToken)
    {
        var people = await (await PeopleAsync(scope, filter, cancellationToken).ConfigureAwait(false)).OrderBy(p => p.Agency).ThenBy(p => p.Unit).ThenBy(p => p.FullName)
            .Select(p => new { p.Nip, p.FullName, p.Agency, p.Unit, p.Position, p.JobLevel, p.Province, p.City, p.TimeZone, p.RegisteredAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new ExportTable("pegawai",
            ["nip", "nama", "instansi", "unit_kerja", "jabatan", "jenjang", "provinsi", "kota", "zona_waktu", "terdaftar"],
            [.. people.Select(p => (IReadOnlyList<object?>)[p.Nip, p.FullName, p.Agency, p.Unit, p.Position, p.JobLevel, p.Province, p.City, p.TimeZone.ToString(), p.RegisteredAt])]);
    }

    /// <summary>One row per competency rating of each person's surveys, with the gap.</summary>
    private async Task<ExportTable> SurveysAsync(DashboardScope scope, PeopleFilter filter, CancellationToken cancellationToken)
    {
        var people = await PeopleAsync(scope, filter, cancellationToken).ConfigureAwait(false);
        var rows = await (
            from s in db.Set<NeedsSurvey>()
            join p in people on s.PersonId equals p.Id
            from r in s.Ratings
            orderby p.FullName, s.CompletedAt, r.CompetencyCode
            select new { p.Nip, p.FullName, p.Agency, p.Unit, s.JobLevel, s.CompletedAt, r.CompetencyCode, r.CurrentLevel, r.RequiredLevel })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new ExportTable("survei",
            ["nip", "nama", "instansi", "unit_kerja", "jenjang", "selesai", "kompetensi", "level_saat_ini", "level_dibutuhkan", "kesenjangan"],
            [.. rows.Select(r => (IReadOnlyList<object?>)[r.Nip, r.FullName, r.Agency, r.Unit, r.JobLevel, r.CompletedAt, r.CompetencyCode, r.CurrentLevel, r.RequiredLevel, r.RequiredLevel - r.CurrentLevel])]);
    }

    private async Task<ExportTable> EnrollmentsAsync(DashboardScope scope, PeopleFilter filter, CancellationToken cancellationToken)
    {
        var people = await PeopleAsync(scope, filter, cancellationToken).ConfigureAwait(false);
        var rows = await (
            from e in db.Set<Enrollment>()
            join p in people on e.PersonId equals p.Id
            orderby p.FullName, e.CreatedAt
            select new { p.Nip, p.FullName, p.Agency, p.Unit, e.TrainingCode, e.SessionId, e.Status, e.CreatedAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new ExportTable("pendaftaran",
            ["nip", "nama", "instansi", "unit_kerja", "pelatihan", "sesi", "status", "dibuat"],
            [.. rows.Select(r => (IReadOnlyList<object?>)[r.Nip, r.FullName, r.Agency, r.Unit, r.TrainingCode, r.SessionId, r.Status.ToString(), r.CreatedAt])]);
    }

    /// <summary>The JP ledger: one row per line (credited, waiting for verification or rejected) of each person.</summary>
    private async Task<ExportTable> LearningHoursAsync(DashboardScope scope, PeopleFilter filter, CancellationToken cancellationToken)
    {
        var people = await PeopleAsync(scope, filter, cancellationToken).ConfigureAwait(false);
        var rows = await (
            from e in db.Set<LearningHoursEntry>()
            join p in people on e.PersonId equals p.Id
            orderby p.FullName, e.LearnedOn
            select new { p.Nip, p.FullName, p.Agency, p.Unit, e.Year, e.LearnedOn, e.Title, e.PathCode, e.Source, e.Jp, e.Status, e.ReviewedBy })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new ExportTable("jp",
            ["nip", "nama", "instansi", "unit_kerja", "tahun", "tanggal", "kegiatan", "jalur", "sumber", "jp", "status", "diverifikasi_oleh"],
            [.. rows.Select(r => (IReadOnlyList<object?>)[r.Nip, r.FullName, r.Agency, r.Unit, r.Year, r.LearnedOn, r.Title, r.PathCode, r.Source.ToString(), r.Jp, r.Status.ToString(), r.ReviewedBy])]);
    }

    /// <summary>
    /// One row per answered item of every questionnaire about each person (a test's score on its
    /// own row), and one row for a questionnaire not (yet) answered, so non-respondents show. An
    /// item is given by its code and by its question, as the questionnaire asks it.
    /// </summary>
    private async Task<ExportTable> EvaluationsAsync(DashboardScope scope, PeopleFilter filter, CancellationToken cancellationToken)
    {
        var people = await PeopleAsync(scope, filter, cancellationToken).ConfigureAwait(false);
        var rows = await (
            from r in db.Set<EvaluationRequest>()
            join p in people on r.ParticipantId equals p.Id
            join a in db.Set<EvaluationAnswer>() on r.Id equals a.RequestId into answers
            from a in answers.DefaultIfEmpty()
            orderby r.TrainingCode, p.FullName, r.Level, r.Role
            select new { p.Nip, p.FullName, p.Agency, p.Unit, r.TrainingCode, r.Level, r.Role, r.Status, r.Score, Item = a == null ? null : a.Item, Value = a == null ? null : a.Score, Text = a == null ? null : a.Text })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new ExportTable("evaluasi",
            ["nip", "nama", "instansi", "unit_kerja", "pelatihan", "level", "penjawab", "status", "skor_tes", "butir", "pertanyaan", "nilai", "komentar"],
            [.. rows.Select(r => (IReadOnlyList<object?>)[r.Nip, r.FullName, r.Agency, r.Unit, r.TrainingCode, r.Level.ToString(), r.Role == EvaluationRole.Mentor ? "mentor" : "peserta", r.Status.ToString(), r.Score, r.Item, r.Item is null ? null : labels[r.Item], r.Value, r.Text])]);
    }
}
