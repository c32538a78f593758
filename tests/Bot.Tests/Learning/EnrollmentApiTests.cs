using System.Net;
using System.Net.Http.Json;
using System.Text;
using AsnBot.Bot.Tests.Delivery;
using AsnBot.Bot.Tests.Support;
using AsnBot.Knowledge.Enrollments;
using AsnBot.Knowledge.LearningHours;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Bot.Tests.Learning;

public sealed class EnrollmentApiTests
{
    [Fact]
    public async Task Coordinators_move_an_enrollment_over_HTTP_completion_credits_JP_and_going_back_is_refused()
    {
        await using var bot = new OutboxFixture();
        var person = await bot.AddPersonAsync("peserta");
        var nip = await bot.App.QueryAsync(db => db.Set<Person>().Where(p => p.Id == person).Select(p => p.Nip).SingleAsync());
        using var anonymous = bot.App.CreateDashboardClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/enrollments", new { nip, training = "PLT-001", status = "registered" })).StatusCode);
        using var http = await bot.App.CreateSignedInClientAsync();

        Task<HttpResponseMessage> SetAsync(string status) =>
            http.PostAsJsonAsync("/api/enrollments", new { nip, training = "PLT-001", status });

        Assert.Equal(HttpStatusCode.OK, (await SetAsync("registered")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SetAsync("hadir")).StatusCode);
        using var back = await SetAsync("registered");
        Assert.Equal(HttpStatusCode.BadRequest, back.StatusCode);
        Assert.Contains("status tidak dapat mundur dari hadir ke terdaftar", await back.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var completed = await SetAsync("completed");
        var view = await completed.Content.ReadFromJsonAsync<EnrollmentView>();
        Assert.Equal(("completed", 24m), (view!.Status, view.CreditedJp));

        var (enrollment, entry) = await bot.App.QueryAsync(async db => (await db.Set<Enrollment>().SingleAsync(), await db.Set<LearningHoursEntry>().SingleAsync()));
        Assert.Equal((EnrollmentStatus.Completed, bot.Time.GetUtcNow()), (enrollment.Status, enrollment.CompletedAt));
        Assert.Equal(("KL03", 24m), (entry.PathCode, entry.Jp));
    }

    [Fact]
    public async Task An_attendance_list_uploaded_over_HTTP_with_a_bad_row_is_refused_whole_with_row_errors()
    {
        await using var bot = new OutboxFixture();
        var person = await bot.AddPersonAsync("peserta");
        var nip = await bot.App.QueryAsync(db => db.Set<Person>().Where(p => p.Id == person).Select(p => p.Nip).SingleAsync());
        using var http = await bot.App.CreateSignedInClientAsync();

        async Task<HttpResponseMessage> UploadAsync(string csv)
        {
            using var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "daftar-hadir.csv");
            return await http.PostAsync("/api/enrollments/import", form);
        }

        using var bad = await UploadAsync($"nip,training,status\n{nip},PLT-001,registered\n{nip},PLT-001,lulus\n");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("baris 3, kolom status: belum dapat diluluskan dari status terdaftar", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await bot.App.QueryAsync(db => db.Set<Enrollment>().CountAsync()));

        using var good = await UploadAsync($"nip,training,status\n{nip},PLT-001,registered\n{nip},PLT-001,hadir\n{nip},PLT-001,lulus\n");
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(24m, await bot.App.QueryAsync(db => db.Set<LearningHoursEntry>().SumAsync(e => e.Jp)));
    }
}
