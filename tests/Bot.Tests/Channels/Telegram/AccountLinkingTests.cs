using System.Text.RegularExpressions;
using AsnBot.Bot.Tests.Channels.Web;
using AsnBot.Bot.Tests.Support;
using AsnBot.Channels.Telegram;
using AsnBot.Knowledge.Linking;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Bot.Tests.Channels.Telegram;

/// <summary>A person registered on the web links Telegram with a one-time code; a NIP alone links nobody.</summary>
[Trait("Category", "EndToEnd")]
public sealed partial class AccountLinkingTests() : TelegramTestBase(TelegramMode.Polling)
{
    private const string Nip = "19850312 201001 1 003";

    [GeneratedRegex("Kode tautan Anda: ([0-9]{6})")]
    private static partial Regex CodeLine();

    [Fact]
    public async Task A_person_registered_on_the_web_links_Telegram_with_a_code_from_the_web()
    {
        var web = new WebChatSession(App.CreateClient(), "web-" + Guid.NewGuid().ToString("N")[..16]);
        await RegistrationOverWebChatTests.RegisterAsync(web, Nip);
        await web.PressAsync("tautkan");
        var code = CodeLine().Match(web.LastText).Groups[1].Value;
        Assert.Matches("^[0-9]{6}$", code);

        var telegram = NewPerson("Rahma");
        await telegram.RegisterAsync(Nip, "Siti R");
        Assert.Contains("NIP itu sudah terdaftar", telegram.LastText, StringComparison.Ordinal);
        await telegram.PressAsync("Saya punya kode");
        await telegram.SayAsync(code == "000000" ? "000001" : "000000");
        Assert.Contains("Kode itu tidak cocok", telegram.LastText, StringComparison.Ordinal);
        await telegram.SayAsync(code);

        Assert.Contains("Akun ini sudah terhubung dengan profil Siti Rahma", telegram.LastText, StringComparison.Ordinal);
        var person = await App.QueryAsync(db => db.Set<Person>().Include(p => p.Channels).SingleAsync());
        Assert.Equal("Siti Rahma", person.FullName);
        Assert.Equal(["telegram", "web"], person.Channels.Select(c => c.Channel).Order());
        Assert.Equal(0, await App.QueryAsync(db => db.Set<AccountLinkCode>().CountAsync()));

        await telegram.SayAsync("/dataku");
        Assert.Contains("198503122010011003", telegram.LastText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_who_only_knows_the_NIP_cannot_link_it()
    {
        var web = new WebChatSession(App.CreateClient(), "web-" + Guid.NewGuid().ToString("N")[..16]);
        await RegistrationOverWebChatTests.RegisterAsync(web, Nip);

        var intruder = NewPerson("Eve");
        await intruder.RegisterAsync(Nip, "Eve");
        await intruder.PressAsync("Saya punya kode");
        await intruder.SayAsync("123456");

        Assert.Contains("Kode tidak berlaku", intruder.LastText, StringComparison.Ordinal);
        var person = await App.QueryAsync(db => db.Set<Person>().Include(p => p.Channels).SingleAsync());
        Assert.Equal(["web"], person.Channels.Select(c => c.Channel));
    }

    [Fact]
    public async Task A_code_dies_after_five_wrong_guesses()
    {
        var web = new WebChatSession(App.CreateClient(), "web-" + Guid.NewGuid().ToString("N")[..16]);
        await RegistrationOverWebChatTests.RegisterAsync(web, Nip);
        await web.PressAsync("tautkan");
        var code = CodeLine().Match(web.LastText).Groups[1].Value;

        var intruder = NewPerson("Eve");
        await intruder.RegisterAsync(Nip, "Eve");
        await intruder.PressAsync("Saya punya kode");
        var wrong = Enumerable.Range(0, 10).Select(i => i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).Where(c => c != code).Take(AccountLinking.MaxFailedAttempts);
        foreach (var guess in wrong)
            await intruder.SayAsync(guess);
        Assert.Contains("Kode tidak berlaku", intruder.LastText, StringComparison.Ordinal);
        await intruder.PressAsync("Saya punya kode");
        await intruder.SayAsync(code);

        Assert.Contains("Kode tidak berlaku", intruder.LastText, StringComparison.Ordinal);
        Assert.Single(await App.QueryAsync(db => db.Set<ChannelAccount>().ToListAsync()));
    }
}
