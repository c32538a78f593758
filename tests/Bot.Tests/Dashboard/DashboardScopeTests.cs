using System.Net;
using System.Net.Http.Json;
using AsnBot.Bot.Tests.Support;
using AsnBot.Dashboard.Access;
using AsnBot.Dashboard.Audit;
using AsnBot.Dashboard.Persistence;
using AsnBot.Knowledge.LearningHours;
using AsnBot.Knowledge.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace AsnBot.Bot.Tests.Dashboard;

/// <summary>A coordinator works on the people of their own agencies only, through every door: exports and the broadcast API.</summary>
public sealed class DashboardScopeTests : IAsyncLifetime
{
    private readonly BotApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_coordinators_exports_hold_only_their_agencys_people_and_each_is_audited()
    {
        await DashboardPeople.AddTwoAgenciesAsync(_app);
        using var http = await _app.CreateSignedInClientAsync(DashboardRoles.Coordinator, DashboardPeople.Ambon);

        var people = await http.GetStringAsync("/admin/ekspor/pegawai.csv");
        var lines = people.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("nip,nama,instansi,unit_kerja,jabatan,jenjang,provinsi,kota,zona_waktu,terdaftar", lines[0]);
        Assert.StartsWith("198503122010011003,Siti Rahma,Pemerintah Kota Ambon,Dinas Kesehatan,", Assert.Single(lines[1..]), StringComparison.Ordinal);

        var surveys = await http.GetStringAsync("/admin/ekspor/survei.csv");
        Assert.Contains("Siti Rahma", surveys, StringComparison.Ordinal);
        Assert.DoesNotContain("Rina Marlina", surveys, StringComparison.Ordinal);
        Assert.Contains(",M.3,1,3,2", surveys, StringComparison.Ordinal);

        // Naming the other agency in the filter narrows to nobody; it never widens the scope.
        var other = await http.GetStringAsync("/admin/ekspor/pegawai.csv?agency=" + Uri.EscapeDataString(DashboardPeople.Jambi));
        Assert.Single(other.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        await using var scope = _app.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<DashboardDbContext>().AuditEntries.Where(e => e.Action.StartsWith(AuditActions.Export)).ToListAsync();
        Assert.Equal(["export.pegawai.csv", "export.survei.csv", "export.pegawai.csv"], audit.OrderBy(e => e.Id).Select(e => e.Action));
        Assert.All(audit, e => Assert.StartsWith("coordinator-", e.UserName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_below_20_JP_filter_leaves_out_who_reached_20_JP_this_year()
    {
        var (ambon, _) = await DashboardPeople.AddTwoAgenciesAsync(_app);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        await _app.QueryAsync(async db =>
        {
            db.Add(new LearningHoursEntry
            {
                PersonId = ambon.Id, Year = today.Year, LearnedOn = today, PathCode = "KL03", Source = LearningSource.Training,
                Title = "Pelatihan Excel", Jp = 24m, SourceRef = "enrollment:uji", RecordedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        using var http = await _app.CreateSignedInClientAsync();

        var below = await http.GetStringAsync("/admin/ekspor/pegawai.csv?belowJp=true");
        Assert.DoesNotContain("Siti Rahma", below, StringComparison.Ordinal);
        Assert.Contains("Rina Marlina", below, StringComparison.Ordinal);
        Assert.Contains("Siti Rahma", await http.GetStringAsync("/admin/ekspor/pegawai.csv"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_exports_every_agency_as_XLSX()
    {
        await DashboardPeople.AddTwoAgenciesAsync(_app);
        using var http = await _app.CreateSignedInClientAsync();
        using var response = await http.GetAsync("/admin/ekspor/pegawai.xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        await using var body = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = body.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["Rina Marlina", "Siti Rahma"], rows.Select(r => (string)r["nama"]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_coordinators_broadcast_is_held_to_their_agencies_and_another_agencys_broadcast_does_not_exist_for_them()
    {
        await DashboardPeople.AddTwoAgenciesAsync(_app);
        using var ambon = await _app.CreateSignedInClientAsync(DashboardRoles.Coordinator, DashboardPeople.Ambon);
        using var jambi = await _app.CreateSignedInClientAsync(DashboardRoles.Coordinator, DashboardPeople.Jambi);

        var refused = await ambon.PostAsJsonAsync("/api/broadcasts", new { text = "Halo", audience = new { agencies = new[] { DashboardPeople.Jambi } } });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var created = await ambon.PostAsJsonAsync("/api/broadcasts", new { text = "Halo Ambon" });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<BroadcastStatistics>())!.BroadcastId;
        var preview = await (await ambon.PostAsync($"/api/broadcasts/{id}/preview", null)).Content.ReadFromJsonAsync<AsnBot.Broadcasts.BroadcastPreview>();
        Assert.Equal(1, preview!.Audience);

        Assert.Equal(HttpStatusCode.NotFound, (await jambi.GetAsync($"/api/broadcasts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await jambi.PostAsync($"/api/broadcasts/{id}/send", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await jambi.PostAsync($"/api/broadcasts/{id}/cancel", null)).StatusCode);
        Assert.Equal(BroadcastStatus.Draft, (await _app.QueryAsync(db => db.Set<Broadcast>().SingleAsync())).Status);
    }

    [Fact]
    public async Task A_mentor_signs_in_but_reaches_no_coordinator_API_or_export()
    {
        using var http = await _app.CreateSignedInClientAsync(DashboardRoles.Mentor);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("/admin/ekspor/pegawai.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.PostAsJsonAsync("/api/broadcasts", new { text = "Halo" })).StatusCode);
    }
}
