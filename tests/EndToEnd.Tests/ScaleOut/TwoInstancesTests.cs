using System.Globalization;
using System.Net;

namespace AsnBot.EndToEnd.Tests.ScaleOut;

/// <summary>Two AsnBot processes on one PostgreSQL behave as one bot: nothing sent twice, no state corrupted.</summary>
[Trait("Category", "EndToEnd")]
public sealed class TwoInstancesTests(ScaleOutCluster cluster) : IClassFixture<ScaleOutCluster>
{
    [Fact]
    public async Task A_broadcast_to_5000_people_from_two_instances_is_sent_exactly_5000_times()
    {
        const int People = 5000;
        const long FirstChat = 6_100_000_000;
        for (var i = 0; i < People; i++)
            cluster.Telegram.CreateUser($"Pegawai{i}", userId: FirstChat + i);
        await cluster.RunAsync("seed-demo", "--force", "--without-needs", "--people", People.ToString(CultureInfo.InvariantCulture), "--telegram-chat-ids", FirstChat.ToString(CultureInfo.InvariantCulture));
        var id = (await cluster.RunAsync("broadcast", "create", "--text", "Apel pagi Senin pukul 07.30", "--button", "Sudah dibaca")).Trim();
        await cluster.RunAsync("broadcast", "send", id);

        await cluster.WaitUntilAsync(
            async () => await cluster.CountAsync($"""SELECT COUNT(*) FROM outbox_messages WHERE "BroadcastId" = {id} AND "Status" = 'Sent'""") == People,
            TimeSpan.FromSeconds(60), "every broadcast row sent");

        var sends = cluster.Telegram.Calls("sendMessage").Where(c => c.Succeeded && c.ChatId is >= FirstChat and < FirstChat + People).ToList();
        Assert.Equal(People, sends.Count);
        Assert.Equal(People, sends.Select(c => c.ChatId).Distinct().Count());
        Assert.Equal(0, await cluster.CountAsync($"""SELECT COUNT(*) FROM outbox_messages WHERE "BroadcastId" = {id} AND "Status" <> 'Sent'"""));
    }

    [Fact]
    public async Task Webhook_updates_of_the_same_people_alternating_between_instances_leave_consistent_state()
    {
        const int People = 16;
        const long FirstChat = 6_200_000_000;
        var people = Enumerable.Range(0, People).Select(i =>
        {
            cluster.Telegram.CreateUser($"Orang{i}", userId: FirstChat + i);
            return new WebhookPerson(cluster.Telegram, FirstChat + i, ScaleOutCluster.WebhookSecret);
        }).ToList();

        var statuses = await Task.WhenAll(people.Select(async (person, p) =>
        {
            var answered = new List<HttpStatusCode>();
            var steps = WebhookPerson.Registration(WebhookPerson.Nip(p), NameOf(p));
            for (var s = 0; s < steps.Count; s++)
            {
                var update = person.Update(steps[s].IsPress, steps[s].Answer);
                var instance = cluster.Instances[(p + s) % 2];
                if (s % 3 == 2)
                {
                    // Telegram redelivers: the same update reaches both instances at once.
                    answered.AddRange(await Task.WhenAll(person.PostAsync(instance, update), person.PostAsync(cluster.Instances[(p + s + 1) % 2], update)));
                }
                else
                {
                    answered.Add(await person.PostAsync(instance, update));
                }
            }
            return answered;
        }));

        Assert.All(statuses.SelectMany(s => s), status => Assert.Equal(HttpStatusCode.OK, status));
        for (var p = 0; p < People; p++)
        {
            var texts = cluster.Telegram.BotMessages(people[p].ChatId).Select(m => m.Text).ToList();
            Assert.Single(texts, t => t.Contains($"Terima kasih, {NameOf(p)}!", StringComparison.Ordinal));
        }
        var registered = await cluster.CountAsync($"""
            SELECT COUNT(*) FROM people p JOIN channel_accounts c ON c."PersonId" = p."Id"
            WHERE c."Channel" = 'telegram' AND c."Address"::bigint BETWEEN {FirstChat} AND {FirstChat + People - 1}
              AND p."Agency" = 'Pemerintah Kota Ambon' AND p."Province" = 'Maluku' AND p."FullName" LIKE 'Dewi %'
            """);
        Assert.Equal(People, registered);
        // One receipt per distinct update: the redeliveries were recognised on whichever instance they reached.
        Assert.Equal(People * WebhookPerson.Registration("", "").Count, await cluster.CountAsync("SELECT COUNT(*) FROM inbound_receipts"));
    }

    /// <summary>Names are letters only (the dialog refuses digits): Dewi Aya, Dewi Bya, ...</summary>
    private static string NameOf(int index) => $"Dewi {(char)('A' + index)}ya";
}
