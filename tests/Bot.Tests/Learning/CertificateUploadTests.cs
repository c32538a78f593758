using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AsnBot.Bot.Tests.Channels.Telegram;
using AsnBot.Bot.Tests.Delivery;
using AsnBot.Bot.Tests.Support;
using AsnBot.Channels.Telegram;
using AsnBot.Channels.Web;
using AsnBot.Knowledge.LearningHours;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsnBot.Bot.Tests.Learning;

internal static class CertificateFiles
{
    public static readonly byte[] Pdf = [.. "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8];
    public static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, .. Enumerable.Range(0, 2000).Select(i => (byte)i), 0xFF, 0xD9];
}

public sealed class CertificateUploadOverWebChatTests
{
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient http, string session, byte[] content, string name, string type)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        form.Add(file, "file", name);
        return await http.PostAsync($"/api/webchat/{session}/uploads", form);
    }

    [Fact]
    public async Task A_certificate_sent_in_the_web_chat_waits_for_the_coordinator_and_its_JP_count_after_approval()
    {
        await using var bot = new OutboxFixture();
        const string session = "sertifikat-web-01";
        var person = await bot.AddPersonAsync(session, channel: WebChatEndpoints.Channel);
        var http = bot.App.CreateClient();

        using var uploaded = await UploadAsync(http, session, CertificateFiles.Pdf, "sertifikat.pdf", "application/pdf");
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        var first = (await uploaded.Content.ReadFromJsonAsync<WebChatResponse>())!;
        Assert.Contains(first.Replies, r => r.Text.Contains("Sertifikat Anda sudah kami terima", StringComparison.Ordinal));

        var chat = bot.App.Chat(session);
        await chat.SayAsync("Pelatihan Pengelolaan Arsip Digital");
        await chat.PressAsync("KL03");
        await chat.SayAsync("20-11-2026");
        await chat.SayAsync("8");
        Assert.Contains("menunggu verifikasi pengelola", chat.LastText, StringComparison.Ordinal);

        using var anonymous = bot.App.CreateDashboardClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/learning-hours/pending")).StatusCode);
        using var coordinator = await bot.App.CreateSignedInClientAsync();
        var pending = await coordinator.GetFromJsonAsync<List<PendingClaim>>("/api/learning-hours/pending");
        var claim = Assert.Single(pending!);
        Assert.Equal((8m, "KL03", "application/pdf"), (claim.Jp, claim.PathCode, claim.ContentType));
        using var file = await coordinator.GetAsync($"/api/learning-hours/certificates/{claim.CertificateId}");
        Assert.Equal(CertificateFiles.Pdf, await file.Content.ReadAsByteArrayAsync());
        Assert.Equal(0m, await CreditedAsync(bot, person));

        using var approved = await coordinator.PostAsJsonAsync($"/api/learning-hours/{claim.EntryId}/approve", new { reviewedBy = "bkpsdm.ambon" });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(8m, await CreditedAsync(bot, person));
        using var again = await coordinator.PostAsJsonAsync($"/api/learning-hours/{claim.EntryId}/approve", new { reviewedBy = "bkpsdm.ambon" });
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        await chat.SayAsync("menu");
        await chat.PressAsync("jp");
        Assert.Contains("Pelatihan Pengelolaan Arsip Digital (8 JP)", chat.LastText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_that_are_not_a_photo_or_PDF_or_over_five_megabytes_are_refused_and_not_stored_a_three_megabyte_scan_is_taken()
    {
        await using var bot = new OutboxFixture();
        const string session = "sertifikat-web-02";
        await bot.AddPersonAsync(session, channel: WebChatEndpoints.Channel);
        var http = bot.App.CreateClient();

        using var text = await UploadAsync(http, session, "bukan sertifikat"u8.ToArray(), "catatan.pdf", "application/pdf");
        Assert.Contains("hanya menerima foto (JPG/PNG) atau PDF", await text.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var large = await UploadAsync(http, session, [.. CertificateFiles.Pdf, .. new byte[Certificates.MaxBytes]], "besar.pdf", "application/pdf");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        // A scanned certificate of a few megabytes is over the 1 MB ceiling of ordinary API bodies, and still accepted.
        using var scan = await UploadAsync(http, session, [.. CertificateFiles.Pdf, .. new byte[3 * 1024 * 1024]], "pindaian.pdf", "application/pdf");
        Assert.Equal(HttpStatusCode.OK, scan.StatusCode);
        await bot.App.QueryAsync(db => db.Set<Certificate>().ExecuteDeleteAsync());
        using var stranger = await UploadAsync(http, "belum-terdaftar-01", CertificateFiles.Pdf, "s.pdf", "application/pdf");
        Assert.Contains("setelah Anda terdaftar", await stranger.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await bot.App.QueryAsync(db => db.Set<Certificate>().CountAsync()));
    }

    internal static Task<decimal> CreditedAsync(OutboxFixture bot, Guid person) =>
        bot.App.QueryAsync(db => db.Set<LearningHoursEntry>().Where(e => e.PersonId == person && e.Status == LearningHoursStatus.Credited).Select(e => e.Jp).ToListAsync())
            .ContinueWith(t => t.Result.Sum(), TaskScheduler.Default);
}

public sealed class CertificateUploadOverTelegramTests() : TelegramTestBase(TelegramMode.Polling)
{
    [Fact]
    public async Task A_photo_sent_on_Telegram_is_fetched_with_getFile_and_claimed_then_a_PDF_too_and_approval_credits_JP()
    {
        var person = NewPerson("Maria");
        await person.RegisterAsync("19850505 201001 2 011", "Maria Latuconsina");

        await person.SettleAsync(Telegram.SendPhoto(person.User.Id, CertificateFiles.Jpeg));
        Assert.Contains("Sertifikat Anda sudah kami terima", person.LastText, StringComparison.Ordinal);
        await person.SayAsync("Seminar Nasional SPBE");
        await person.PressAsync("Seminar/konferensi");
        await person.SayAsync("10-11-2026");
        await person.SayAsync("4");
        Assert.Contains("menunggu verifikasi pengelola", person.LastText, StringComparison.Ordinal);
        Assert.NotEmpty(Telegram.Calls("getFile"));

        await person.SettleAsync(Telegram.SendDocument(person.User.Id, CertificateFiles.Pdf, "kursus.pdf", "application/pdf"));
        await person.SayAsync("Kursus Analisis Data");
        await person.PressAsync("Kursus");
        await person.SayAsync("12-11-2026");
        await person.SayAsync("6");

        await using var scope = App.Services.CreateAsyncScope();
        var certificates = scope.ServiceProvider.GetRequiredService<Certificates>();
        var pending = await certificates.PendingAsync(CancellationToken.None);
        Assert.Equal(["image/jpeg", "application/pdf"], pending.Select(p => p.ContentType));
        var stored = await certificates.FileAsync(pending[0].CertificateId!.Value, CancellationToken.None);
        Assert.Equal(CertificateFiles.Jpeg, stored!.Content); // the largest size, not the thumbnail
        Assert.True(await certificates.ReviewAsync(pending[0].EntryId, approve: true, "koordinator", CancellationToken.None));
        Assert.True(await certificates.ReviewAsync(pending[1].EntryId, approve: false, "koordinator", CancellationToken.None));

        var entries = await App.QueryAsync(db => db.Set<LearningHoursEntry>().AsNoTracking().OrderBy(e => e.LearnedOn).ToListAsync());
        Assert.Equal([(4m, LearningHoursStatus.Credited), (6m, LearningHoursStatus.Rejected)], entries.Select(e => (e.Jp, e.Status)));
    }
}
