using AsnBot.Bot.Tests.Support;
using AsnBot.Conversations;
using AsnBot.Knowledge.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AsnBot.Bot.Tests.Conversations;

/// <summary>Receipts older than <c>Receipts:KeepDays</c> are deleted in batches; younger ones still catch a redelivery; on either database.</summary>
[Collection(PostgresTests.Name)]
[Trait("Category", "EndToEnd")]
public sealed class ReceiptPruningTests(PostgresFixture postgres)
{
    [Theory]
    [MemberData(nameof(PostgresFixture.Providers), MemberType = typeof(PostgresFixture))]
    public async Task Receipts_past_the_retention_are_deleted_in_batches_and_a_recent_redelivery_is_still_ignored(string provider)
    {
        await using var app = await postgres.StartAppAsync(provider);
        var service = app.Services.GetRequiredService<ConversationService>();
        var user = new ChannelUser("test", "prune-1");
        await service.HandleAsync(new IncomingMessage(user, "/start", ExternalId: "recent"), CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        await app.QueryAsync(async db =>
        {
            // Seven receipts past 14 days, one just inside them.
            for (var i = 0; i < 7; i++)
                db.Add(new InboundReceipt { Channel = "test", ExternalId = $"old-{i}", ReceivedAt = now - TimeSpan.FromDays(15 + i) });
            db.Add(new InboundReceipt { Channel = "test", ExternalId = "thirteen-days", ReceivedAt = now - TimeSpan.FromDays(13) });
            return await db.SaveChangesAsync();
        });
        var pruning = new ReceiptPruning(
            Options.Create(new ReceiptOptions { KeepDays = 14 }), app.Services.GetRequiredService<IServiceScopeFactory>(),
            app.Services.GetRequiredService<TurnGate>(), new FakeTimeProvider(now), NullLogger<ReceiptPruning>.Instance)
        { BatchSize = 3 };

        Assert.Equal(7, await pruning.PruneOnceAsync(CancellationToken.None));

        var left = await app.QueryAsync(db => db.Set<InboundReceipt>().Select(r => r.ExternalId).OrderBy(id => id).ToListAsync());
        Assert.Equal(["recent", "thirteen-days"], left);
        var again = await service.HandleAsync(new IncomingMessage(user, "/start", ExternalId: "recent"), CancellationToken.None);
        Assert.True(again.WasDuplicate);
        Assert.Equal(0, await pruning.PruneOnceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_retention_under_two_days_stops_start_up_naming_the_key()
    {
        await using var app = new BotApp();
        app.Settings["Receipts:KeepDays"] = "1";

        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("Receipts:KeepDays", error.Message, StringComparison.Ordinal);
    }
}
