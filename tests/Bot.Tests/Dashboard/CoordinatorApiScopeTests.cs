using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using AsnBot.Bot.Tests.Support;
using AsnBot.Dashboard.Access;
using AsnBot.Dashboard.Audit;
using AsnBot.Dashboard.Persistence;
using AsnBot.Knowledge.Enrollments;
using AsnBot.Knowledge.LearningHours;
using AsnBot.Knowledge.Mentoring;
using AsnBot.Knowledge.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsnBot.Bot.Tests.Dashboard;

/// <summary>
/// The coordinators' APIs for enrollments, JP claims, evaluations, mentoring and questions: a
/// coordinator of Ambon sees and acts on Ambon's people only, an Admin on everyone's.
/// </summary>
public sealed class CoordinatorApiScopeTests : IAsyncLifetime
{
    private readonly BotApp _app = new();
    private DashboardLearning.Seeded _ambon = default!;
    private DashboardLearning.Seeded _jambi = default!;
    private HttpClient _coordinator = default!;
    private HttpClient _admin = default!;

    public async Task InitializeAsync()
    {
        (_ambon, _jambi) = await DashboardLearning.AddAsync(_app);
        _coordinator = await _app.CreateSignedInClientAsync(DashboardRoles.Coordinator, DashboardPeople.Ambon);
        _admin = await _app.CreateSignedInClientAsync();
    }

    public async Task DisposeAsync()
    {
        _coordinator.Dispose();
        _admin.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_coordinator_cannot_enroll_or_import_attendance_for_another_agencys_person_and_an_admin_can()
    {
        Task<HttpResponseMessage> SetAsync(HttpClient http, string nip) =>
            http.PostAsJsonAsync("/api/enrollments", new { nip, training = DashboardLearning.Training, status = "completed" });

        using var refused = await SetAsync(_coordinator, _jambi.Person.Nip);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Contains("tidak ada pegawai terdaftar dengan NIP ini", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes($"nip,training,status\n{_ambon.Person.Nip},PLT-001,lulus\n{_jambi.Person.Nip},PLT-001,lulus\n")), "file", "hadir.csv");
        using var import = await _coordinator.PostAsync("/api/enrollments/import", form);
        Assert.Equal(HttpStatusCode.BadRequest, import.StatusCode);
        Assert.Contains("baris 3, kolom nip: tidak ada pegawai terdaftar dengan NIP ini", await import.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal([EnrollmentStatus.Attended, EnrollmentStatus.Attended], await _app.QueryAsync(db => db.Set<Enrollment>().Select(e => e.Status).ToListAsync()));
        Assert.Equal(0, await _app.QueryAsync(db => db.Set<LearningHoursEntry>().CountAsync(e => e.Status == LearningHoursStatus.Credited)));

        using var own = await SetAsync(_coordinator, _ambon.Person.Nip);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        using var admin = await SetAsync(_admin, _jambi.Person.Nip);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Equal(2, await _app.QueryAsync(db => db.Set<Enrollment>().CountAsync(e => e.Status == EnrollmentStatus.Completed)));
    }

    [Fact]
    public async Task A_coordinator_lists_reviews_and_opens_only_their_agencys_JP_claims()
    {
        var pending = await _coordinator.GetFromJsonAsync<List<PendingClaim>>("/api/learning-hours/pending");
        Assert.Equal([_ambon.ClaimId], pending!.Select(p => p.EntryId));
        Assert.Equal(HttpStatusCode.NotFound, (await _coordinator.PostAsJsonAsync($"/api/learning-hours/{_jambi.ClaimId}/approve", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _coordinator.PostAsJsonAsync($"/api/learning-hours/{_jambi.ClaimId}/reject", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _coordinator.GetAsync($"/api/learning-hours/certificates/{_jambi.CertificateId}")).StatusCode);
        Assert.Equal(LearningHoursStatus.PendingVerification, await _app.QueryAsync(db => db.Set<LearningHoursEntry>().Where(e => e.Id == _jambi.ClaimId).Select(e => e.Status).SingleAsync()));

        Assert.Equal(HttpStatusCode.OK, (await _coordinator.GetAsync($"/api/learning-hours/certificates/{_ambon.CertificateId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _coordinator.PostAsJsonAsync($"/api/learning-hours/{_ambon.ClaimId}/approve", new { })).StatusCode);
        var all = await _admin.GetFromJsonAsync<List<PendingClaim>>("/api/learning-hours/pending");
        Assert.Equal([_jambi.ClaimId], all!.Select(p => p.EntryId));
        Assert.Equal(HttpStatusCode.OK, (await _admin.PostAsJsonAsync($"/api/learning-hours/{_jambi.ClaimId}/reject", new { })).StatusCode);

        var audit = await AuditAsync();
        Assert.Contains(AuditActions.ClaimsList, audit);
        Assert.Contains(AuditActions.CertificateView, audit);
    }

    [Fact]
    public async Task A_coordinators_evaluation_figures_count_only_their_agencys_participants_and_an_admins_count_all()
    {
        var own = await _coordinator.GetFromJsonAsync<JsonElement>("/api/evaluations/" + DashboardLearning.Training);
        var reaction = own.GetProperty("reaction");
        Assert.Equal((1, 5m), (reaction.GetProperty("answered").GetInt32(), reaction.GetProperty("items")[0].GetProperty("mean").GetDecimal()));
        Assert.Equal(80m, own.GetProperty("learning").GetProperty("meanGain").GetDecimal());
        Assert.Equal(1, own.GetProperty("behaviour").GetProperty("mentors").GetProperty("notResponded").GetInt32());

        var all = await _admin.GetFromJsonAsync<JsonElement>("/api/evaluations/" + DashboardLearning.Training);
        Assert.Equal((2, 3m), (all.GetProperty("reaction").GetProperty("answered").GetInt32(), all.GetProperty("reaction").GetProperty("items")[0].GetProperty("mean").GetDecimal()));
        Assert.Equal(50m, all.GetProperty("learning").GetProperty("meanGain").GetDecimal());
        Assert.Contains(AuditActions.EvaluationView, await AuditAsync());
    }

    [Fact]
    public async Task A_coordinator_sees_pairs_and_escalations_of_their_agency_only_and_cannot_pair_or_end_another_agencys_people()
    {
        var pairs = await _coordinator.GetFromJsonAsync<JsonElement>("/api/mentoring/pairs");
        Assert.Equal([_ambon.Person.FullName], pairs.EnumerateArray().Select(p => p.GetProperty("mentee").GetString()));
        var escalations = await _coordinator.GetFromJsonAsync<JsonElement>("/api/mentoring/escalations");
        Assert.Equal([_ambon.PairId], escalations.EnumerateArray().Select(e => e.GetProperty("pairId").GetGuid()));

        Assert.Equal(HttpStatusCode.NotFound, (await _coordinator.PostAsync($"/api/mentoring/pairs/{_jambi.PairId}/end", null)).StatusCode);
        using var cross = await _coordinator.PostAsJsonAsync("/api/mentoring/pairs", new { mentorNip = _ambon.Mentor.Nip, menteeNip = _jambi.Person.Nip });
        Assert.Equal(HttpStatusCode.NotFound, cross.StatusCode);
        Assert.Equal(2, await _app.QueryAsync(db => db.Set<MentoringPair>().CountAsync(p => p.IsActive)));

        Assert.Equal(2, (await _admin.GetFromJsonAsync<JsonElement>("/api/mentoring/pairs")).GetArrayLength());
        Assert.Equal(2, (await _admin.GetFromJsonAsync<JsonElement>("/api/mentoring/escalations")).GetArrayLength());
        Assert.Equal(HttpStatusCode.NoContent, (await _admin.PostAsync($"/api/mentoring/pairs/{_jambi.PairId}/end", null)).StatusCode);
        Assert.Contains(AuditActions.MentoringView, await AuditAsync());
    }

    [Fact]
    public async Task A_mentors_scope_holds_only_their_own_pairs_and_the_coordinator_APIs_refuse_a_mentor()
    {
        var mentor = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "mentor@uji.go.id"), new Claim(ClaimTypes.Role, DashboardRoles.Mentor), new Claim(DashboardRoles.MentorNipClaim, _jambi.Mentor.Nip)], "uji"));
        var pairs = await _app.QueryAsync(db => MentoringPairs.ListAsync(db, includeEnded: false, DashboardScope.Of(mentor).Pairs(db), CancellationToken.None));
        Assert.Equal([_jambi.Person.FullName], pairs.Select(p => p.Mentee));
        Assert.Empty(await _app.QueryAsync(db => DashboardScope.Of(mentor).People(db).ToListAsync()));

        using var http = await _app.CreateSignedInMentorAsync(_jambi.Mentor.Nip);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("/api/mentoring/pairs")).StatusCode);
    }

    [Fact]
    public async Task A_coordinator_lists_and_answers_only_their_agencys_questions()
    {
        var open = await _coordinator.GetFromJsonAsync<JsonElement>("/api/questions");
        Assert.Equal([_ambon.QuestionId], open.EnumerateArray().Select(q => q.GetProperty("id").GetInt64()));
        using var refused = await _coordinator.PostAsJsonAsync($"/api/questions/{_jambi.QuestionId}/answer", new { text = "Bukan urusan Ambon." });
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(QuestionStatus.Open, await _app.QueryAsync(db => db.Set<PersonQuestion>().Where(q => q.Id == _jambi.QuestionId).Select(q => q.Status).SingleAsync()));

        Assert.Equal(2, (await _admin.GetFromJsonAsync<JsonElement>("/api/questions")).GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await _admin.PostAsJsonAsync($"/api/questions/{_jambi.QuestionId}/answer", new { text = "Dijawab admin." })).StatusCode);
        Assert.Contains(AuditActions.QuestionsList, await AuditAsync());
    }

    [Fact]
    public async Task A_coordinators_JP_ledger_enrollment_and_evaluation_exports_hold_only_their_agencys_rows_and_an_admins_hold_all()
    {
        foreach (var dataset in new[] { "jp", "pendaftaran", "evaluasi" })
        {
            var own = await _coordinator.GetStringAsync($"/admin/ekspor/{dataset}.csv");
            Assert.Contains(_ambon.Person.Nip, own, StringComparison.Ordinal);
            Assert.DoesNotContain(_jambi.Person.Nip, own, StringComparison.Ordinal);
            Assert.DoesNotContain(_jambi.Person.FullName, own, StringComparison.Ordinal);
            var all = await _admin.GetStringAsync($"/admin/ekspor/{dataset}.csv");
            Assert.Contains(_jambi.Person.Nip, all, StringComparison.Ordinal);
        }
        var ledger = (await _coordinator.GetStringAsync("/admin/ekspor/jp.csv")).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("nip,nama,instansi,unit_kerja,tahun,tanggal,kegiatan,jalur,sumber,jp,status,diverifikasi_oleh", ledger[0]);
        var line = Assert.Single(ledger[1..]);
        Assert.StartsWith(_ambon.Person.Nip + ",Siti Rahma,", line, StringComparison.Ordinal);
        Assert.Contains(",Webinar Siti Rahma,NKL05,Certificate,3", line, StringComparison.Ordinal);
        Assert.Contains(",PendingVerification,", line, StringComparison.Ordinal);
        var evaluations = await _coordinator.GetStringAsync("/admin/ekspor/evaluasi.csv");
        Assert.Contains("status,skor_tes,butir,pertanyaan,nilai,komentar", evaluations, StringComparison.Ordinal);
        Assert.Contains(",PLT-001,Reaction,peserta,Answered,,fasilitator.penguasaan-materi,Fasilitator: penguasaan materi,5,", evaluations, StringComparison.Ordinal);
        Assert.Contains(",PLT-001,Behaviour,mentor,NotResponded,,,,,", evaluations, StringComparison.Ordinal);

        using var xlsx = await _coordinator.GetAsync("/admin/ekspor/evaluasi.xlsx");
        await using var body = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = MiniExcelLibs.MiniExcel.Query(body, useHeaderRow: true, excelType: MiniExcelLibs.ExcelType.XLSX).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal([_ambon.Person.Nip, _ambon.Person.Nip], rows.Select(r => r["nip"]?.ToString()));
        Assert.Contains(rows, r => r["butir"]?.ToString() == "fasilitator.penguasaan-materi" && r["pertanyaan"]?.ToString() == "Fasilitator: penguasaan materi");
        Assert.Contains("export.jp.csv", await AuditAsync());
    }

    [Fact]
    public async Task The_attendance_page_lists_only_the_coordinators_people_with_their_JP_this_year()
    {
        var coordinator = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "pengelola"), new Claim(ClaimTypes.Role, DashboardRoles.Coordinator), new Claim(DashboardRoles.AgencyClaim, DashboardPeople.Ambon)], "uji"));
        var participants = await _app.QueryAsync(db => AsnBot.Dashboard.Enrollments.EnrollmentQueries.ParticipantsAsync(
            db, DashboardScope.Of(coordinator), TimeProvider.System, DashboardLearning.Training, null, CancellationToken.None));
        var row = Assert.Single(participants);
        Assert.Equal((_ambon.Person.Nip, EnrollmentStatus.Attended, 0m), (row.Nip, row.Status, row.JpThisYear));
        var trainings = await _app.QueryAsync(db => AsnBot.Dashboard.Enrollments.EnrollmentQueries.TrainingsAsync(db, DashboardScope.Of(coordinator), CancellationToken.None));
        Assert.Equal((DashboardLearning.Training, 1), (trainings[0].Code, trainings[0].Enrolled));
    }

    private async Task<List<string>> AuditAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DashboardDbContext>().AuditEntries.Select(e => e.Action).ToListAsync();
    }
}
