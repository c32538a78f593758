using AsnBot.Knowledge.Catalog;
using AsnBot.Knowledge.Evaluation;
using AsnBot.Knowledge.Mentoring;
using AsnBot.Knowledge.Privacy;
using AsnBot.Knowledge.Profiles;
using AsnBot.Knowledge.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace AsnBot.Knowledge.Tests.Mentoring;

public sealed class MentoringImportTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);
    private static readonly ImportTexts Texts = ImportTexts.Load(Path.Combine(RepoPaths.Data, ImportTexts.FileName));
    private readonly string _folder = Directory.CreateTempSubdirectory("asnbot-mentoring-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<(Person Mentor, Person Mentee, Person Other)> PeopleAsync(TestDatabase database) =>
        (await database.AddPersonAsync(IndonesianTimeZone.WIT), await database.AddPersonAsync(), await database.AddPersonAsync());

    [Fact]
    public async Task A_csv_sheet_pairs_every_row_with_its_rhythm_role_and_first_session()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (mentor, mentee, other) = await PeopleAsync(database);
        var path = Path.Combine(_folder, "pasangan.csv");
        await File.WriteAllTextAsync(path, $"""
            mentor_nip,mentee_nip,every_days,first_session,role,coordinator_nip
            {mentor.Nip},{mentee.Nip},14,2026-12-15,mentor,
            {mentor.Nip},{other.Nip},,,atasan,{mentee.Nip}
            """);

        await using var db = database.Open();
        var result = await MentoringImport.ImportAsync(db, Texts, path, "BKPSDM", Now, CancellationToken.None);

        Assert.Equal(2, result.Paired);
        Assert.True(result.IsValid);
        var pairs = await db.Set<MentoringPair>().AsNoTracking().OrderBy(p => p.FirstSessionOn).ToListAsync();
        Assert.Equal(
            [(mentee.Id, MentorRole.Mentor, 14, new DateOnly(2026, 12, 15), (Guid?)null), (other.Id, MentorRole.Supervisor, 14, new DateOnly(2026, 12, 15), mentee.Id)],
            pairs.Select(p => (p.MenteeId, p.Role, p.EveryDays, p.FirstSessionOn, p.CoordinatorId)));
        var log = await db.Set<ProcessingLogEntry>().AsNoTracking().Where(e => e.PersonId == mentee.Id).SingleAsync();
        Assert.Equal("BKPSDM", log.Actor);
    }

    [Fact]
    public async Task An_xlsx_sheet_with_one_bad_row_imports_nothing_and_names_the_row()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (mentor, mentee, other) = await PeopleAsync(database);
        var path = Path.Combine(_folder, "pasangan.xlsx");
        MiniExcel.SaveAs(path, new[]
        {
            new Dictionary<string, object> { ["mentor_nip"] = mentor.Nip, ["mentee_nip"] = mentee.Nip, ["every_days"] = "14", ["role"] = "mentor" },
            new Dictionary<string, object> { ["mentor_nip"] = mentor.Nip, ["mentee_nip"] = other.Nip, ["every_days"] = "dua minggu", ["role"] = "mentor" },
            new Dictionary<string, object> { ["mentor_nip"] = mentor.Nip, ["mentee_nip"] = "199001012015011999", ["every_days"] = "14", ["role"] = "mentor" },
        });

        await using var db = database.Open();
        var invalid = await MentoringImport.ImportAsync(db, Texts, path, null, Now, CancellationToken.None);
        Assert.Equal(["baris 3, kolom every_days: 'dua minggu' bukan bilangan bulat dari 1 sampai 365"], invalid.Errors.Select(Texts.Describe));

        MiniExcel.SaveAs(path, new[]
        {
            new Dictionary<string, object> { ["mentor_nip"] = mentor.Nip, ["mentee_nip"] = mentee.Nip, ["every_days"] = "14", ["role"] = "mentor" },
            new Dictionary<string, object> { ["mentor_nip"] = mentor.Nip, ["mentee_nip"] = "199001012015011999", ["every_days"] = "14", ["role"] = "mentor" },
        }, overwriteFile: true);
        var unknown = await MentoringImport.ImportAsync(db, Texts, path, null, Now, CancellationToken.None);
        Assert.Equal(
            ["baris 3, kolom mentee_nip: tidak ada pegawai terdaftar dengan NIP mentee ini; mentee harus mendaftar di AsnBot dulu"],
            unknown.Errors.Select(Texts.Describe));
        Assert.Equal(0, await db.Set<MentoringPair>().CountAsync());
    }

    [Fact]
    public async Task Deleting_a_person_deletes_their_pairs_sessions_questionnaires_and_change_project()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (mentor, mentee, _) = await PeopleAsync(database);
        await using (var db = database.Open())
        {
            var pair = await MentoringPairs.PairAsync(db, new PairingRequest(mentor.Nip, mentee.Nip, 14, new DateOnly(2026, 12, 15)), Now, CancellationToken.None);
            db.Add(new MentoringSession { PairId = pair.Id, Number = 1, ScheduledOn = new DateOnly(2026, 12, 15), Status = MentoringSessionStatus.Held, Topic = "Arsip" });
            db.Add(new Knowledge.Catalog.Training { Code = "PLT-901", Title = "Uji", Path = "KL01", Mode = Knowledge.Catalog.TrainingMode.Klasikal });
            var enrollment = new Knowledge.Enrollments.Enrollment { PersonId = mentee.Id, TrainingCode = "PLT-901", Status = Knowledge.Enrollments.EnrollmentStatus.Completed, CompletedAt = Now };
            var request = new EvaluationRequest { EnrollmentId = enrollment.Id, TrainingCode = "PLT-901", RecipientId = mentee.Id, ParticipantId = mentee.Id, DueAt = Now };
            db.AddRange(enrollment, request, new EvaluationAnswer { RequestId = request.Id, Item = "menerapkan", Score = 4 });
            db.Add(new ChangeProject { PersonId = mentee.Id, TrainingCode = "PLT-901", Title = "Antrean daring", Milestones = [new ChangeProjectMilestone { Number = 1, Title = "Rancangan" }] });
            await db.SaveChangesAsync();
        }

        await using (var db = database.Open())
        {
            await PersonalData.EraseAsync(db, mentee.Id, CancellationToken.None);
            Assert.Equal(0, await db.Set<MentoringPair>().CountAsync());
            Assert.Equal(0, await db.Set<MentoringSession>().CountAsync());
            Assert.Equal(0, await db.Set<EvaluationRequest>().CountAsync());
            Assert.Equal(0, await db.Set<EvaluationAnswer>().CountAsync());
            Assert.Equal(0, await db.Set<ChangeProject>().CountAsync());
            Assert.Equal(0, await db.Set<ChangeProjectMilestone>().CountAsync());
        }
    }
}
