using AsnBot.Bot.Tests.Support;
using AsnBot.Conversations;
using AsnBot.Knowledge.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsnBot.Bot.Tests.Conversations;

/// <summary>
/// Turns of the same person arriving at once (two webhook deliveries, two instances) must
/// neither lose an update nor handle a redelivered one twice, on either database.
/// </summary>
[Collection(PostgresTests.Name)]
[Trait("Category", "EndToEnd")]
public sealed class ConcurrentTurnsTests(PostgresFixture postgres)
{
    [Theory]
    [MemberData(nameof(PostgresFixture.Providers), MemberType = typeof(PostgresFixture))]
    public async Task The_same_update_delivered_ten_times_at_once_is_handled_once(string provider)
    {
        await using var app = await postgres.StartAppAsync(provider);
        var service = app.Services.GetRequiredService<ConversationService>();
        var user = new ChannelUser("test", "chat-1");

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            service.HandleAsync(new IncomingMessage(user, "/start", ExternalId: "update-42"), CancellationToken.None)));

        Assert.Single(results, r => !r.WasDuplicate);
        Assert.Equal(1, await app.QueryAsync(db => db.Set<InboundReceipt>().CountAsync()));
        Assert.Equal(1, await app.QueryAsync(db => db.Set<ConversationRecord>().Select(c => c.Version).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(PostgresFixture.Providers), MemberType = typeof(PostgresFixture))]
    public async Task Simultaneous_turns_of_one_person_are_applied_one_after_another(string provider)
    {
        await using var app = await postgres.StartAppAsync(provider);
        var service = app.Services.GetRequiredService<ConversationService>();
        var user = new ChannelUser("test", "chat-2");
        await service.HandleAsync(new IncomingMessage(user, "/start"), CancellationToken.None);

        // Eight people-pressing-buttons at once: each turn re-prompts consent (invalid answer)
        // and bumps the version; none may be lost or applied on stale state.
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            service.HandleAsync(new IncomingMessage(user, $"jawaban {i}", ExternalId: $"u-{i}"), CancellationToken.None)));

        Assert.All(results, r => Assert.False(r.WasDuplicate));
        Assert.All(results, r => Assert.Contains("Apakah Anda setuju?", r.Replies[^1].Text, StringComparison.Ordinal));
        Assert.Equal(9, await app.QueryAsync(db => db.Set<ConversationRecord>().Select(c => c.Version).SingleAsync()));
    }
}
