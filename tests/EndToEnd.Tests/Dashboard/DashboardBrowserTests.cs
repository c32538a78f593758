using System.Text.RegularExpressions;
using AsnBot.Dashboard.Audit;
using AsnBot.Dashboard.Persistence;
using AsnBot.Knowledge.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace AsnBot.EndToEnd.Tests.Dashboard;

/// <summary>The coordinators' dashboard in a real browser: what an admin and a coordinator see and do.</summary>
[Trait("Category", "EndToEnd")]
public sealed partial class DashboardBrowserTests(DashboardSite site) : IClassFixture<DashboardSite>
{
    [Fact]
    public async Task An_admin_signs_in_and_sees_the_charts_and_every_page_opens()
    {
        var page = await site.SignInAsync(DashboardSite.AdminEmail);

        await Assertions.Expect(page.GetByTestId("stat-people")).ToContainTextAsync("5");
        await Assertions.Expect(page.GetByTestId("chart-agency").Locator("svg").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("chart-survey").Locator("svg").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("chart-unit").Locator("svg").First).ToBeVisibleAsync();
        var heatmap = page.GetByTestId("gap-heatmap");
        await Assertions.Expect(heatmap.Locator("tbody tr")).ToHaveCountAsync(3);
        // Dinas Kesehatan: one survey with M.3 at 1 of 3.
        await Assertions.Expect(heatmap.Locator("tr", new() { HasText = "Dinas Kesehatan" })).ToContainTextAsync("2,0");
        await Assertions.Expect(page.GetByTestId("chart-jp")).ToContainTextAsync("1 dari 5 pegawai sudah mencapai 20 JP");
        await Assertions.Expect(page.GetByTestId("chart-jp-unit").Locator("tr", new() { HasText = "BKPSDM" })).ToContainTextAsync("1 / 2");
        // PLT-005's reaction answers: 5 and 4 from one participant, 4 and 2 from another.
        await Assertions.Expect(page.GetByTestId("chart-evaluations").Locator("tr", new() { HasText = DashboardSite.EvaluatedTraining }))
            .ToContainTextAsync("3,75");
        await Assertions.Expect(page.GetByTestId("chart-evaluations").Locator("tr", new() { HasText = DashboardSite.EvaluatedTraining }))
            .ToContainTextAsync("2 responden");
        await DashboardSite.ScreenshotAsync(page, "ringkasan");

        foreach (var (path, testId, name) in new[]
        {
            ("/admin/pegawai", "people-table", "pegawai"),
            ("/admin/katalog", "catalog-table", "katalog"),
            ("/admin/siaran", "broadcast-compose", "siaran"),
            ("/admin/dialog", "dialog-table", "dialog"),
            ("/admin/audit", "audit-table", "audit"),
            ($"/admin/pegawai/{site.AmbonPerson.Id}", "person-surveys", "profil-pegawai"),
        })
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.GetByTestId(testId)).ToBeVisibleAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await DashboardSite.ScreenshotAsync(page, name);
            if (name == "dialog")
                await Assertions.Expect(page.GetByTestId(testId)).Not.ToContainTextAsync("masalah");
        }
    }

    [Fact]
    public async Task A_coordinator_of_one_agency_cannot_open_another_agencys_person_by_URL_nor_see_them_in_lists_or_exports()
    {
        var page = await site.SignInAsync(DashboardSite.CoordinatorEmail);
        await page.GotoAsync("/admin/pegawai");
        var table = page.GetByTestId("people-table");
        await Assertions.Expect(table.GetByTestId("person-link")).ToHaveCountAsync(2);
        await Assertions.Expect(table).ToContainTextAsync("Siti Rahma");
        await Assertions.Expect(table).Not.ToContainTextAsync("Rina Marlina");

        await page.GotoAsync($"/admin/pegawai/{site.JambiPerson.Id}");
        await Assertions.Expect(page.GetByTestId("person-refused")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("Rina Marlina");
        await DashboardSite.ScreenshotAsync(page, "profil-ditolak");

        await page.GotoAsync($"/admin/pegawai/{site.AmbonPerson.Id}");
        await Assertions.Expect(page.GetByTestId("person-name")).ToHaveTextAsync("Siti Rahma");

        await page.GotoAsync("/admin/pegawai");
        var rows = await DownloadCsvAsync(page, "export-pegawai-csv");
        Assert.Equal(["Siti Rahma", "Yohanis Latuheru"], rows.Skip(1).Select(r => r.Split(',')[1]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_CSV_export_downloads_the_rows_of_the_filtered_list()
    {
        var page = await site.SignInAsync(DashboardSite.AdminEmail);
        await page.GotoAsync("/admin/pegawai");
        await page.GetByTestId("people-search").FillAsync("rina");
        await Assertions.Expect(page.GetByTestId("people-table").GetByTestId("person-link")).ToHaveCountAsync(1);

        var exportsBefore = await site.QueryAsync<DashboardDbContext, int>(db => db.Set<AuditEntry>().CountAsync(e => e.Action == "export.pegawai.csv"));
        var rows = await DownloadCsvAsync(page, "export-pegawai-csv");
        Assert.Equal(exportsBefore + 1, await site.QueryAsync<DashboardDbContext, int>(db => db.Set<AuditEntry>().CountAsync(e => e.Action == "export.pegawai.csv")));
        Assert.Equal("nip,nama,instansi,unit_kerja,jabatan,jenjang,provinsi,kota,zona_waktu,terdaftar", rows[0]);
        Assert.StartsWith("199001012015032001,Rina Marlina,Pemerintah Provinsi Jambi,BKPSDM,", Assert.Single(rows.Skip(1)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_catalog_export_button_downloads_the_catalog_sheet()
    {
        var page = await site.SignInAsync(DashboardSite.AdminEmail);
        await page.GotoAsync("/admin/katalog");
        await Assertions.Expect(page.GetByTestId("catalog-table")).ToBeVisibleAsync();

        var rows = await DownloadAsync(page, () => page.GetByRole(AriaRole.Link, new() { Name = "Ekspor CSV" }).ClickAsync());
        Assert.Equal(string.Join(',', CatalogSheet.Columns), rows[0]);
        Assert.Equal(await site.QueryAsync(db => db.Set<Training>().CountAsync()), rows.Skip(1).Select(r => r.Split(',')[0]).Distinct().Count());
    }

    [Fact]
    public async Task A_catalog_import_with_one_invalid_row_shows_the_row_error_and_imports_nothing()
    {
        var before = await site.QueryAsync(db => db.Set<Training>().CountAsync());
        var file = Path.Combine(Path.GetTempPath(), $"katalog-{Guid.NewGuid():N}.csv");
        // The training columns filled, the session columns (and any optional ones) left empty.
        static string Row(params string[] cells) => string.Join(',', cells.Concat(Enumerable.Repeat("", CatalogSheet.Columns.Count - cells.Length)));
        await File.WriteAllTextAsync(file, string.Join('\n',
            string.Join(',', CatalogSheet.Columns),
            Row("UJI-001", "Pelatihan Uji Coba", "Deskripsi", "M.3:2", "KL04", "klasikal", "16", "BPSDM", "uji", "tidak"),
            Row("UJI-002", "Pelatihan Kedua", "Deskripsi", "M.3:2", "KL99", "klasikal", "16", "BPSDM", "uji", "tidak")));
        try
        {
            var page = await site.SignInAsync(DashboardSite.AdminEmail);
            await page.GotoAsync("/admin/katalog");
            await Assertions.Expect(page.GetByTestId("catalog-table")).ToBeVisibleAsync();
            var chooser = await page.RunAndWaitForFileChooserAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Pilih berkas" }).ClickAsync());
            await chooser.SetFilesAsync(file);

            await Assertions.Expect(page.GetByTestId("import-failed")).ToContainTextAsync("tidak ada yang diimpor");
            var errors = page.GetByTestId("import-errors").Locator("tbody tr");
            await Assertions.Expect(errors).ToHaveCountAsync(1);
            await Assertions.Expect(errors.First).ToContainTextAsync("3");
            await Assertions.Expect(errors.First).ToContainTextAsync("path");
            await Assertions.Expect(errors.First).ToContainTextAsync("'KL99' bukan jalur pengembangan");
            await DashboardSite.ScreenshotAsync(page, "katalog-impor-gagal");
            Assert.Equal(before, await site.QueryAsync(db => db.Set<Training>().CountAsync()));
            Assert.False(await site.QueryAsync(db => db.Set<Training>().AnyAsync(t => t.Code == "UJI-001")));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_broadcast_to_a_filtered_audience_shows_its_count_is_sent_through_Telegram_and_its_statistics_update()
    {
        var page = await site.SignInAsync(DashboardSite.AdminEmail);
        await page.GotoAsync("/admin/siaran");
        await Assertions.Expect(page.GetByTestId("audience-count")).ToContainTextAsync("5 penerima");
        await page.GetByTestId("broadcast-text").FillAsync("Pelatihan SPBE dibuka untuk ASN Jambi.");
        await page.GetByTestId("broadcast-button-1").FillAsync("Sudah dibaca");

        await page.GetByTestId("audience-province").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Jambi" }).ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.GetByTestId("audience-count")).ToContainTextAsync("3 penerima");
        await Assertions.Expect(page.GetByTestId("audience-count")).ToContainTextAsync("telegram: 3");

        await page.GetByTestId("broadcast-preview").ClickAsync();
        await Assertions.Expect(page.GetByTestId("preview-audience")).ToHaveTextAsync("3");
        await Assertions.Expect(page.GetByTestId("preview-finish")).ToContainTextAsync(FinishPattern());
        await DashboardSite.ScreenshotAsync(page, "siaran-pratinjau");

        await page.GetByTestId("broadcast-send").ClickAsync();
        foreach (var user in site.JambiTelegramUsers)
            await site.Telegram.WaitForChatAsync(user.ChatId, messages => messages.Any(m => m.Text.Contains("Pelatihan SPBE dibuka", StringComparison.Ordinal)), TimeSpan.FromSeconds(30));
        await Assertions.Expect(page.GetByTestId("stat-sent")).ToHaveTextAsync("3", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("stat-targeted")).ToHaveTextAsync("3");
        await Assertions.Expect(page.GetByTestId("stat-failed")).ToHaveTextAsync("0");
        await DashboardSite.ScreenshotAsync(page, "siaran-statistik");
    }

    private static async Task<IReadOnlyList<string>> DownloadCsvAsync(IPage page, string item)
    {
        await page.GetByTestId("export-menu").ClickAsync();
        return await DownloadAsync(page, () => page.GetByTestId(item).ClickAsync());
    }

    private static async Task<IReadOnlyList<string>> DownloadAsync(IPage page, Func<Task> click)
    {
        var download = await page.RunAndWaitForDownloadAsync(click);
        Assert.Null(await download.FailureAsync());
        var path = await download.PathAsync();
        var text = (await File.ReadAllTextAsync(path)).TrimStart('\uFEFF');
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    [GeneratedRegex(@"\d{1,2} \w{3} \d{4} \d{2}\.\d{2} WIB")]
    private static partial Regex FinishPattern();
}
