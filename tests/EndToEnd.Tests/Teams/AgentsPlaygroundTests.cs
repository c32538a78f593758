using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Profiles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsnBot.EndToEnd.Tests.Teams;

/// <summary>
/// AsnBot on a real Kestrel port in the Teams local-testing mode, driven through the real
/// Microsoft 365 Agents Playground: the playground sends Teams activities to /api/messages and
/// shows what the bot posts to its connector.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class AgentsPlaygroundTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"asnbot-playground-{Guid.NewGuid():N}.db");
    private WebApplication _bot = null!;
    private AgentsPlayground? _playground;

    public async Task InitializeAsync()
    {
        var root = Path.GetDirectoryName(Path.GetDirectoryName(AgentsPlayground.InstallFolder))!;
        var repository = Path.GetDirectoryName(root)!;
        _bot = BotHost.Build([
            "--urls=http://127.0.0.1:0",
            $"--ConnectionStrings:AsnBot=Data Source={_database}",
            $"--Content:DialogsPath={Path.Combine(repository, "dialogs")}",
            $"--Content:DataPath={Path.Combine(repository, "data")}",
            "--Teams:AllowAnonymousLocal=true",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await _bot.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_playground is not null)
            await _playground.DisposeAsync();
        await _bot.StopAsync();
        await _bot.DisposeAsync();
        File.Delete(_database);
    }

    private Uri BotEndpoint =>
        new(new Uri(_bot.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()), "/api/messages");

    [Fact]
    public async Task Start_and_a_full_registration_work_through_the_agents_playground()
    {
        _playground = await AgentsPlayground.StartAsync(BotEndpoint, Patience);
        var chat = _playground;

        await chat.SayAsync("/start");
        // The playground shows the text (with the numbered fallback) and the card as two bubbles.
        await chat.WaitForBotMessageAsync(m => m.Text.Contains("Apakah Anda setuju?\n\n1. Setuju\n2. Tidak setuju", StringComparison.Ordinal), Patience);
        var consent = await chat.NextBotMessageAsync(Patience);
        Assert.Equal(["ya", "tidak"], consent.Choices);

        await chat.PressAsync(consent, "ya");
        await chat.WaitForBotMessageAsync(m => m.Text.Contains("Ketik NIP Anda", StringComparison.Ordinal), Patience);
        await AnswerAsync("19850312 201001 1 003", "nama lengkap");
        await AnswerAsync("Siti Rahma", "nama instansi");
        await AnswerAsync("Pemerintah Kota Ambon", "unit kerja");
        await AnswerAsync("Dinas Kesehatan", "nama jabatan");
        await chat.SayAsync("Analis Kebijakan");
        var level = await chat.WaitForBotMessageAsync(m => m.Choices.Contains("fungsional-muda"), Patience);
        await chat.PressAsync(level, "fungsional-muda");
        await chat.WaitForBotMessageAsync(m => m.Text.Contains("Di provinsi mana", StringComparison.Ordinal), Patience);
        await AnswerAsync("maluku", "kabupaten/kota");
        await chat.SayAsync("Kota Ambon");
        var hour = await chat.WaitForBotMessageAsync(m => m.Choices.Contains("8"), Patience);
        await chat.PressAsync(hour, "8");
        await chat.WaitForBotMessageAsync(m => m.Text.Contains("• Nama: Siti Rahma", StringComparison.Ordinal), Patience);
        var summary = await chat.NextBotMessageAsync(Patience);
        await chat.PressAsync(summary, "simpan");
        var menu = await chat.WaitForBotMessageAsync(m => m.Choices.Contains("survei"), Patience);
        Assert.Equal(["survei", "rekomendasi", "belajar", "jp", "kuesioner", "mentoring", "tanya", "profil", "tautkan", "bantuan"], menu.Choices);

        await using var scope = _bot.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AsnBotDbContext>();
        var person = await db.Set<Person>().Include(p => p.Channels).SingleAsync();
        Assert.Equal("198503122010011003", person.Nip);
        var account = person.Channels.Single();
        Assert.Equal(("teams", chat.ConversationId), (account.Channel, account.Address));
        Assert.Contains($"http://127.0.0.1:{chat.Port}/_connector", account.Reference, StringComparison.Ordinal);
    }

    private async Task AnswerAsync(string text, string expected)
    {
        await _playground!.SayAsync(text);
        await _playground.WaitForBotMessageAsync(m => m.Text.Contains(expected, StringComparison.Ordinal), Patience);
    }
}
