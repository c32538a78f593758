using System.Text.RegularExpressions;
using AsnBot.EndToEnd.Tests.Dashboard;
using AsnBot.Knowledge.LearningHours;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace AsnBot.EndToEnd.Tests.WebChat;

/// <summary>The web chat page in a real browser: a registered person sends a certificate with the 📎 button.</summary>
[Trait("Category", "EndToEnd")]
public sealed class CertificateUploadBrowserTests(DashboardSite site) : IClassFixture<DashboardSite>
{
    private static readonly byte[] Pdf = [.. "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8];

    [Fact]
    public async Task A_certificate_chosen_with_the_paperclip_is_sent_and_waits_for_the_coordinator()
    {
        var page = await site.Browser.NewPageAsync();
        // Siti's web chat session (seeded by the site), so the page talks as a registered person.
        await page.AddInitScriptAsync("localStorage.setItem('asnbot.webchat.v1.session', 'web-siti');");
        await page.GotoAsync("/chat");
        await Assertions.Expect(page.Locator(".message").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#send")).ToBeEnabledAsync();

        await page.Locator("#attach").SetInputFilesAsync(new FilePayload { Name = "sertifikat-excel.pdf", MimeType = "application/pdf", Buffer = Pdf });

        await Assertions.Expect(page.Locator("#log")).ToContainTextAsync("📎 sertifikat-excel.pdf");
        // Taken at once, or kept until the question the person is on is answered.
        await Assertions.Expect(page.Locator("#log")).ToContainTextAsync(new Regex("Sertifikat Anda sudah kami (terima|simpan)"));
        await DashboardSite.ScreenshotAsync(page, "obrolan-sertifikat");
        Assert.Equal(1, await site.QueryAsync(db => db.Set<Certificate>().CountAsync()));
    }
}
