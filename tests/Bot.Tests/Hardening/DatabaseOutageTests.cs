using System.Net;
using System.Net.Http.Json;
using AsnBot.Bot.Tests.Support;
using AsnBot.Broadcasts;
using AsnBot.Knowledge.Conversations;
using AsnBot.Knowledge.Demo;
using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsnBot.Bot.Tests.Hardening;

/// <summary>PostgreSQL stopped for a moment in the middle of a broadcast and a conversation.</summary>
[Collection(PostgresTests.Name)]
[Trait("Category", "EndToEnd")]
public sealed class DatabaseOutageTests(PostgresFixture postgres)
{
    private const int People = 1000;

    [Fact]
    public async Task While_the_database_is_down_people_get_an_apology_nothing_is_half_written_and_the_dispatcher_resumes_after()
    {
        await using var app = BotApp.OnPostgres(await postgres.Server.CreateDatabaseAsync());
        app.Settings["Delivery:Enabled"] = "true";
        app.Settings["Delivery:Web:MessagesPerSecond"] = "100";
        app.Settings["Delivery:RetryBaseDelay"] = "00:00:01";
        app.Settings["Delivery:MaxAttempts"] = "10";
        app.Settings["Delivery:PollInterval"] = "00:00:00.100";
        // Rows whose claim was answered into a dropped connection come back after the lease.
        app.Settings["Delivery:ClaimLease"] = "00:00:03";
        app.Settings["Scheduler:QuietHours"] = "";
        var chat = app.Chat();
        await chat.SayAsync("/start");
        await chat.PressAsync("ya");
        Assert.Contains("Ketik NIP Anda", chat.LastText, StringComparison.Ordinal);
        var versionBefore = await ConversationVersionAsync(app, chat.SessionId);

        await app.QueryAsync(db => DemoPeople.SeedAsync(db, People, null, force: true, DateTimeOffset.UtcNow, CancellationToken.None));
        long id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var broadcasts = scope.ServiceProvider.GetRequiredService<BroadcastService>();
            id = await broadcasts.CreateAsync(new BroadcastDraft("Libur nasional: layanan tutup hari Senin", null, null, null, "uji"), CancellationToken.None);
            await broadcasts.SendAsync(id, CancellationToken.None);
        }
        await WaitUntilAsync(async () => await SentAsync(app, id) >= 150, "150 sent before the outage");

        await postgres.Server.StopAsync();
        try
        {
            using var http = app.CreateClient();
            using var answer = await http.PostAsJsonAsync($"/api/webchat/{chat.SessionId}/messages", new { text = "19850312 201001 1 003" });
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Contains("ada gangguan di sistem kami", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
            await WaitUntilAsync(() => Task.FromResult(app.Logs.Lines.Any(l => l.Contains("Outbox lane web failed a round", StringComparison.Ordinal))), "the dispatcher noticed the outage");
        }
        finally
        {
            await postgres.Server.StartAgainAsync();
        }

        await WaitUntilAsync(async () => await SentAsync(app, id) == People, "every row sent after the outage",
            async () => string.Join(", ", await app.QueryAsync(db => db.Set<OutboxMessage>().Where(m => m.BroadcastId == id).GroupBy(m => m.Status)
                .Select(g => g.Key.ToString() + "=" + g.Count()).ToListAsync())) + "\n" + string.Join("\n", app.Logs.Lines.Where(l => !l.StartsWith("Information", StringComparison.Ordinal)).Take(30)));
        var reached = await app.QueryAsync(db => db.Set<InboxMessage>().Where(m => EF.Functions.Like(m.Text, "Libur nasional%")).Select(m => m.Address).Distinct().CountAsync());
        Assert.Equal(People, reached);

        // The answer given during the outage left nothing behind; given again, it is taken.
        Assert.Equal(versionBefore, await ConversationVersionAsync(app, chat.SessionId));
        Assert.False(await app.QueryAsync(db => db.Set<Person>().AnyAsync(p => p.Nip == "198503122010011003")));
        await chat.SayAsync("19850312 201001 1 003");
        Assert.Contains("nama lengkap", chat.LastText, StringComparison.Ordinal);
        using var healthy = await app.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
    }

    private static Task<int> SentAsync(BotApp app, long id) =>
        app.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.BroadcastId == id && m.Status == OutboxStatus.Sent));

    private static Task<long> ConversationVersionAsync(BotApp app, string sessionId) =>
        app.QueryAsync(db => db.Set<ConversationRecord>().Where(c => c.Channel == "web" && c.Address == sessionId).Select(c => c.Version).SingleAsync());

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, Func<Task<string>>? describe = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail(what + ": not within 60 s. " + (describe is null ? "" : await describe()));
            await Task.Delay(100);
        }
    }
}
