using AsnBot.Bot.Tests.Support;
using AsnBot.Broadcasts;
using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsnBot.Bot.Tests.Delivery;

/// <summary>
/// People with several channel accounts, for the audience SQL on either database: each is
/// reached once, on a reachable account of the fastest channel (Telegram, then Teams, then the
/// rest, then the oldest account), or on the filter's channel when the broadcast names one.
/// </summary>
internal static class PreferredAccountAudience
{
    public static async Task AssertEachPersonGetsOneRowOnTheirPreferredAccountAsync(BotApp app)
    {
        var now = DateTimeOffset.UtcNow;
        var index = 0;
        async Task PersonAsync(params (string Channel, string Address, bool IsReachable)[] accounts)
        {
            var person = new Person
            {
                Nip = "19850312201001100" + index++, FullName = "Orang Banyak Akun", Agency = "Pemerintah Kota Medan", Unit = "Dinas Kesehatan",
                Position = "Analis", JobLevel = "pelaksana", Province = "Sumatera Utara", City = "Kota Medan", TimeZone = IndonesianTimeZone.WIB,
                RegisteredAt = now, UpdatedAt = now,
            };
            await app.QueryAsync(async db =>
            {
                db.Add(person);
                await db.SaveChangesAsync();
                // One at a time, so the ids grow in the order written here ("the oldest account").
                foreach (var (channel, address, isReachable) in accounts)
                {
                    db.Add(new ChannelAccount { PersonId = person.Id, Channel = channel, Address = address, IsReachable = isReachable, LinkedAt = now });
                    await db.SaveChangesAsync();
                }
                return 0;
            });
        }

        await PersonAsync(("web", "a-web", true), ("telegram", "a-telegram", true));
        await PersonAsync(("telegram", "b-telegram-blocked", false), ("web", "b-web", true));
        await PersonAsync(("web", "c-web", true), ("teams", "c-teams", true));
        await PersonAsync(("web", "d-web-old", true), ("web", "d-web-new", true));
        await PersonAsync(("telegram", "e-telegram-blocked", false));
        await PersonAsync(("teams", "f-teams", true), ("telegram", "f-telegram", true), ("web", "f-web", true));

        await using var scope = app.Services.CreateAsyncScope();
        var broadcasts = scope.ServiceProvider.GetRequiredService<BroadcastService>();
        var window = scope.ServiceProvider.GetRequiredService<DeliveryWindow>();
        async Task<string[]> AudienceAsync(AudienceFilter filter, int expectedTelegram, int expectedTeams, int expectedWeb)
        {
            var id = await broadcasts.CreateAsync(new BroadcastDraft("Halo semua", null, filter, null, "tester"), CancellationToken.None);
            var preview = await broadcasts.PreviewAsync(id, CancellationToken.None);
            Assert.Equal((expectedTelegram, expectedTeams, expectedWeb),
                (preview.ByChannel.GetValueOrDefault("telegram"), preview.ByChannel.GetValueOrDefault("teams"), preview.ByChannel.GetValueOrDefault("web")));
            // Batches of two people cross the keyset boundaries; the second run adds nobody (dedupe key).
            var total = expectedTelegram + expectedTeams + expectedWeb;
            Assert.Equal(total, await app.QueryAsync(db => BroadcastAudience.EnqueueAsync(db, id, window, now, CancellationToken.None, batchSize: 2)));
            Assert.Equal(total, await app.QueryAsync(db => BroadcastAudience.EnqueueAsync(db, id, window, now, CancellationToken.None, batchSize: 2)));
            var rows = await app.QueryAsync(db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.BroadcastId == id).ToListAsync());
            Assert.Equal(rows.Count, rows.Select(r => r.PersonId).Distinct().Count());
            return [.. rows.Select(r => r.Address).Order(StringComparer.Ordinal)];
        }

        Assert.Equal(["a-telegram", "b-web", "c-teams", "d-web-old", "f-telegram"], await AudienceAsync(new AudienceFilter(), 2, 1, 2));
        Assert.Equal(["a-web", "b-web", "c-web", "d-web-old", "f-web"], await AudienceAsync(new AudienceFilter { Channels = ["web"] }, 0, 0, 5));
        Assert.Equal(["c-teams", "f-teams"], await AudienceAsync(new AudienceFilter { Channels = ["teams"] }, 0, 2, 0));
    }
}
