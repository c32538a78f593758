using AsnBot.Knowledge.Enrollments;
using AsnBot.Knowledge.LearningHours;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace AsnBot.EndToEnd.Tests.Dashboard;

/// <summary>The attendance, evaluation and mentoring pages, on the same site and browser as the other dashboard tests.</summary>
public sealed partial class DashboardBrowserTests
{
    [Fact]
    public async Task Marking_an_enrollment_completed_on_the_attendance_page_updates_its_status_and_the_persons_JP()
    {
        var page = await site.SignInAsync(DashboardSite.CoordinatorEmail);
        await page.GotoAsync($"/admin/pendaftaran?pelatihan={DashboardSite.EvaluatedTraining}");
        var table = page.GetByTestId("enrollment-table");
        await Assertions.Expect(table.GetByTestId("enrollment-status")).ToHaveCountAsync(2);
        await Assertions.Expect(table).Not.ToContainTextAsync("Rina Marlina");
        var row = table.Locator("tr", new() { HasText = "Siti Rahma" });
        await Assertions.Expect(row.GetByTestId("enrollment-status")).ToHaveTextAsync("hadir");
        await Assertions.Expect(row.GetByTestId("enrollment-jp")).ToHaveTextAsync("0");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await DashboardSite.ScreenshotAsync(page, "pendaftaran");

        await row.GetByTestId("mark-completed").ClickAsync();

        await Assertions.Expect(row.GetByTestId("enrollment-status")).ToHaveTextAsync("lulus");
        await Assertions.Expect(row.GetByTestId("enrollment-jp")).ToHaveTextAsync("12");
        var (status, jp) = await site.QueryAsync(async db => (
            await db.Set<Enrollment>().Where(e => e.PersonId == site.AmbonPerson.Id && e.TrainingCode == DashboardSite.EvaluatedTraining).Select(e => e.Status).SingleAsync(),
            (await db.Set<LearningHoursEntry>().Where(e => e.PersonId == site.AmbonPerson.Id && e.Title != "").Select(e => e.Jp).ToListAsync()).Sum()));
        Assert.Equal((EnrollmentStatus.Completed, 12m), (status, jp));
    }

    [Fact]
    public async Task The_evaluations_page_shows_a_seeded_trainings_figures_and_non_respondents_and_the_mentoring_and_person_pages_show_them_too()
    {
        var page = await site.SignInAsync(DashboardSite.AdminEmail);
        await page.GotoAsync($"/admin/evaluasi?pelatihan={DashboardSite.EvaluatedTraining}");
        await Assertions.Expect(page.GetByTestId("reaction-rate")).ToContainTextAsync("2 dari 3 menjawab (66,7%), 1 tidak menjawab");
        var reaction = page.GetByTestId("evaluation-reaction");
        // Items read as the questionnaire asks them, not by their codes.
        await Assertions.Expect(reaction.Locator("tr", new() { HasText = "Fasilitator: penguasaan materi" })).ToContainTextAsync("4,5");
        await Assertions.Expect(reaction.Locator("tr", new() { HasText = "Penyelenggaraan: sarana dan prasarana" })).ToContainTextAsync("3");
        await Assertions.Expect(reaction).Not.ToContainTextAsync("fasilitator.penguasaan-materi");
        await Assertions.Expect(page.GetByTestId("learning-gain")).ToContainTextAsync("20 poin (2 peserta");
        await Assertions.Expect(page.GetByTestId("evaluation-behaviour").Locator("tr", new() { HasText = "Apakah peserta sudah menerapkan" }))
            .ToHaveTextAsync("Apakah peserta sudah menerapkan pengetahuan dan keterampilan dari pelatihan dalam pekerjaan sehari-hari?431");
        await Assertions.Expect(page.GetByTestId("evaluation-non-respondents")).ToContainTextAsync("Yohanis Latuheru");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await DashboardSite.ScreenshotAsync(page, "evaluasi");

        await page.GotoAsync("/admin/mentoring");
        await Assertions.Expect(page.GetByTestId("mentoring-pairs")).ToContainTextAsync("Yohanis Latuheru");
        await Assertions.Expect(page.GetByTestId("mentoring-overdue").Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("mentoring-escalations")).ToContainTextAsync("Siti Rahma");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await DashboardSite.ScreenshotAsync(page, "mentoring");

        await page.GotoAsync($"/admin/pegawai/{site.AmbonPerson.Id}");
        await Assertions.Expect(page.GetByTestId("person-evaluations").Locator("tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByTestId("person-evaluations")).ToContainTextAsync("level 1 reaksi");
        await Assertions.Expect(page.GetByTestId("person-mentoring")).ToContainTextAsync("Yohanis Latuheru");
    }
}
