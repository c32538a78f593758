using AsnBot.Bot.Tests.Support;
using AsnBot.Knowledge.Conversations;
using AsnBot.Knowledge.Privacy;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Bot.Tests.Channels.Web;

/// <summary>Registration end to end over the web channel, on the real host and a real SQLite file.</summary>
public sealed class RegistrationOverWebChatTests : IAsyncLifetime
{
    private readonly BotApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    internal static async Task RegisterAsync(WebChatSession chat, string nip = "19850312 201001 1 003")
    {
        await chat.SayAsync("/start");
        await chat.PressAsync("ya");
        await chat.SayAsync(nip);
        await chat.SayAsync("Siti Rahma");
        await chat.SayAsync("Pemerintah Kota Ambon");
        await chat.SayAsync("Dinas Kesehatan");
        await chat.SayAsync("Analis Kebijakan");
        await chat.PressAsync("fungsional-muda");
        await chat.SayAsync("maluku");
        await chat.SayAsync("Kota Ambon");
        await chat.PressAsync("8");
        await chat.PressAsync("simpan");
    }

    [Fact]
    public async Task A_newcomer_registers_and_lands_in_the_menu_with_every_entry()
    {
        var chat = _app.Chat();
        await RegisterAsync(chat);

        Assert.Contains("Terima kasih, Siti Rahma! Profil Anda sudah tersimpan.", chat.LastText, StringComparison.Ordinal);
        Assert.Equal(["survei", "rekomendasi", "belajar", "jp", "kuesioner", "mentoring", "tanya", "profil", "tautkan", "bantuan"], chat.LastChoices);

        var person = await _app.QueryAsync(db => db.Set<Person>().Include(p => p.Channels).SingleAsync());
        Assert.Equal("198503122010011003", person.Nip);
        Assert.Equal("fungsional-muda", person.JobLevel);
        Assert.Equal("Maluku", person.Province);
        Assert.Equal(IndonesianTimeZone.WIT, person.TimeZone);
        Assert.Equal(8, person.LessonHour);
        Assert.Equal(("web", chat.SessionId), (person.Channels.Single().Channel, person.Channels.Single().Address));
        var consent = await _app.QueryAsync(db => db.Set<ConsentRecord>().SingleAsync());
        Assert.Equal("2026-11", consent.TextVersion);
        Assert.Equal(64, consent.TextSha256.Length);
    }

    [Fact]
    public async Task Dataku_shows_everything_stored_including_consent_and_processing()
    {
        var chat = _app.Chat();
        await RegisterAsync(chat);
        await chat.SayAsync("/dataku");
        foreach (var expected in new[] { "198503122010011003", "Siti Rahma", "Pemerintah Kota Ambon", "Dinas Kesehatan", "Fungsional Ahli Muda", "Kota Ambon, Maluku (WIT)", "08.00", "versi 2026-11", "Persetujuan diberikan" })
            Assert.Contains(expected, chat.LastText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refusing_consent_stores_nothing_at_all()
    {
        var chat = _app.Chat();
        await chat.SayAsync("/start");
        await chat.PressAsync("tidak");

        Assert.Contains("tidak menyimpan data apa pun", chat.LastText, StringComparison.Ordinal);
        Assert.Equal(0, await CountRowsOfPeopleAsync());
        Assert.Equal(0, await _app.QueryAsync(db => db.Set<ConversationRecord>().CountAsync()));
    }

    [Fact]
    public async Task Hapusdata_after_confirmation_leaves_no_row_of_the_person()
    {
        var chat = _app.Chat();
        await RegisterAsync(chat);
        await chat.SayAsync("/dataku");
        Assert.True(await CountRowsOfPeopleAsync() > 0);

        await chat.SayAsync("/hapusdata");
        Assert.Equal(["ya", "tidak"], chat.LastChoices);
        await chat.PressAsync("ya");

        Assert.Contains("Semua data Anda sudah kami hapus", chat.LastText, StringComparison.Ordinal);
        Assert.Equal(0, await CountRowsOfPeopleAsync());
        Assert.Equal(0, await _app.QueryAsync(db => db.Set<ConversationRecord>().CountAsync()));
    }

    [Fact]
    public async Task Hapusdata_can_be_called_off()
    {
        var chat = _app.Chat();
        await RegisterAsync(chat);
        await chat.SayAsync("/hapusdata");
        await chat.PressAsync("tidak");
        Assert.Contains("data Anda tidak dihapus", chat.LastText, StringComparison.Ordinal);
        Assert.Equal(1, await _app.QueryAsync(db => db.Set<Person>().CountAsync()));
    }

    [Fact]
    public async Task A_field_is_corrected_from_the_summary_without_retyping_the_rest()
    {
        var chat = _app.Chat();
        await chat.SayAsync("/start");
        await chat.PressAsync("ya");
        foreach (var answer in new[] { "198503122010011003", "Siti Rahma", "Pemkot Ambon", "Dinas Kesehatan", "Analis" })
            await chat.SayAsync(answer);
        await chat.PressAsync("pelaksana");
        await chat.SayAsync("Maluku");
        await chat.SayAsync("Kota Ambon");
        await chat.PressAsync("7");
        await chat.PressAsync("ubah");
        await chat.PressAsync("province");
        await chat.SayAsync("jateng");
        Assert.Contains("Kota Ambon, Jawa Tengah (WIB)", chat.LastText, StringComparison.Ordinal);
        Assert.Equal(["simpan", "ubah"], chat.LastChoices);
    }

    [Fact]
    public async Task A_registered_person_corrects_their_profile_from_the_menu()
    {
        var chat = _app.Chat();
        await RegisterAsync(chat);
        await chat.PressAsync("profil");
        Assert.Contains("Siti Rahma", chat.LastText, StringComparison.Ordinal);
        await chat.PressAsync("ubah");
        await chat.PressAsync("name");
        await chat.SayAsync("Siti Rahmawati");
        await chat.PressAsync("simpan");
        Assert.Equal("Siti Rahmawati", (await _app.QueryAsync(db => db.Set<Person>().SingleAsync())).FullName);
        Assert.Equal(1, await _app.QueryAsync(db => db.Set<ConsentRecord>().CountAsync()));
    }

    [Fact]
    public async Task A_NIP_already_registered_elsewhere_is_not_taken_over()
    {
        await RegisterAsync(_app.Chat());
        var other = _app.Chat();
        await RegisterAsync(other);
        Assert.Contains("NIP itu sudah terdaftar", other.LastText, StringComparison.Ordinal);
        Assert.Equal(1, await _app.QueryAsync(db => db.Set<Person>().CountAsync()));
    }

    private Task<int> CountRowsOfPeopleAsync() => _app.QueryAsync(async db =>
        await db.Set<Person>().CountAsync()
        + await db.Set<ChannelAccount>().CountAsync()
        + await db.Set<ConsentRecord>().CountAsync()
        + await db.Set<ProcessingLogEntry>().CountAsync());
}
