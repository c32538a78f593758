using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics.Metrics;
using AsnBot.Bot.Tests.Support;
using AsnBot.Conversations;
using AsnBot.Conversations.Actions;
using AsnBot.Conversations.Engine;
using AsnBot.Knowledge.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsnBot.Bot.Tests.Conversations;

/// <summary>
/// On SQLite, turns that write only their receipt and state commit together: what queued while
/// the writer was busy goes in the next commit, each turn's part written once or not at all.
/// The tests hold the writer themselves, so that the turns queue behind it, then let go.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class TurnStoreTests
{
    private static async Task WaitUntilQueuedAsync(TurnStore store, int turns)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (store.Queued < turns)
            await Task.Delay(5, timeout.Token);
    }

    private static (ConversationService Service, TurnStore Store, TurnGate Gate) Parts(BotApp app) =>
        (app.Services.GetRequiredService<ConversationService>(), app.Services.GetRequiredService<TurnStore>(), app.Services.GetRequiredService<TurnGate>());

    /// <summary>Every commit's size as this host's metric records it.</summary>
    private static MeterListener ListenToCommitSizes(BotApp app, ConcurrentQueue<int> sizes) =>
        HostMeter.Listen<int>(app.Services, name => name == "asnbot.turn.commit_size", (_, value, _, _) => sizes.Enqueue(value));

    [Fact]
    public async Task Turns_that_queued_while_the_writer_was_busy_share_one_commit_and_each_is_written()
    {
        await using var app = new BotApp();
        var (service, store, gate) = Parts(app);
        var sizes = new ConcurrentQueue<int>();
        using var listener = ListenToCommitSizes(app, sizes);

        Task<TurnResult>[] turns;
        using (await gate.EnterAsync(WriterHolders.Actions, CancellationToken.None))
        {
            turns = [.. Enumerable.Range(0, 20).Select(i =>
                service.HandleAsync(new IncomingMessage(new ChannelUser("test", $"chat-{i}"), "/start", ExternalId: $"update-{i}"), CancellationToken.None))];
            await WaitUntilQueuedAsync(store, 20);
        }
        var results = await Task.WhenAll(turns);

        Assert.All(results, r => Assert.Contains("Apakah Anda setuju?", r.Replies[^1].Text, StringComparison.Ordinal));
        Assert.Equal([20], sizes);
        Assert.Equal(20, await app.QueryAsync(db => db.Set<InboundReceipt>().CountAsync()));
        Assert.Equal(Enumerable.Repeat(1L, 20), await app.QueryAsync(db => db.Set<ConversationRecord>().Select(c => c.Version).ToListAsync()));
    }

    [Fact]
    public async Task The_time_the_writer_is_held_and_waited_for_is_counted_by_who_held_it()
    {
        await using var app = new BotApp();
        var (service, store, gate) = Parts(app);
        var seconds = new ConcurrentDictionary<(string Instrument, string Holder), double>();
        using var listener = HostMeter.Listen<double>(app.Services, name => name.StartsWith("asnbot.database.writer.", StringComparison.Ordinal), (instrument, value, tags, _) =>
        {
            var holder = (string)tags.ToArray().Single(t => t.Key == "holder").Value!;
            seconds.AddOrUpdate((instrument.Name, holder), value, (_, sum) => sum + value);
        });

        Task<TurnResult> turn;
        var holding = TimeSpan.FromMilliseconds(200);
        using (await gate.EnterAsync(WriterHolders.Actions, CancellationToken.None))
        {
            turn = service.HandleAsync(new IncomingMessage(new ChannelUser("test", "chat-1"), "/start", ExternalId: "update-1"), CancellationToken.None);
            await WaitUntilQueuedAsync(store, 1);
            await Task.Delay(holding);
        }
        await turn;

        Assert.True(seconds[("asnbot.database.writer.held", WriterHolders.Actions)] >= holding.TotalSeconds);
        // The turn's commit waited for the writer the test held, then held it for its own commit.
        Assert.True(seconds[("asnbot.database.writer.waited", WriterHolders.Batch)] >= holding.TotalSeconds * 0.9);
        Assert.True(seconds[("asnbot.database.writer.held", WriterHolders.Batch)] > 0);
    }

    [Fact]
    public async Task A_redelivery_and_a_second_first_turn_in_the_same_commit_are_a_duplicate_and_a_turn_run_again()
    {
        await using var app = new BotApp();
        var (service, store, gate) = Parts(app);
        var user = new ChannelUser("test", "chat-1");

        Task<TurnResult>[] turns;
        using (await gate.EnterAsync(WriterHolders.Actions, CancellationToken.None))
        {
            // All three read no conversation: the second is a redelivery of the first, the third an update of its own.
            turns =
            [
                service.HandleAsync(new IncomingMessage(user, "/start", ExternalId: "update-1"), CancellationToken.None),
                service.HandleAsync(new IncomingMessage(user, "/start", ExternalId: "update-1"), CancellationToken.None),
                service.HandleAsync(new IncomingMessage(user, "/start", ExternalId: "update-2"), CancellationToken.None),
            ];
            await WaitUntilQueuedAsync(store, 3);
        }
        var results = await Task.WhenAll(turns);

        Assert.Single(results, r => r.WasDuplicate);
        Assert.All(results, r => Assert.False(r.Failed));
        Assert.Equal(2, await app.QueryAsync(db => db.Set<InboundReceipt>().CountAsync()));
        // The first turn to commit wrote version 1; the other found the row written since it read none, and ran again over it.
        Assert.Equal(2, await app.QueryAsync(db => db.Set<ConversationRecord>().Select(c => c.Version).SingleAsync()));
    }

    [Fact]
    public async Task A_part_that_fails_fails_alone_and_the_rest_of_the_commit_is_written()
    {
        await using var app = new BotApp();
        var (_, store, gate) = Parts(app);
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        var now = DateTimeOffset.UtcNow;

        async Task<TurnWriteOutcome> CommitAsync(string address)
        {
            await using var scope = new TurnScope(scopes);
            var write = new TurnWrite(new ChannelUser("test", address), "update-" + address, null, null, ConversationStateJson.Write(ConversationState.Idle), now);
            return await store.CommitAsync(scope, write, CancellationToken.None);
        }

        // The database refuses one part, as it would a row breaking a constraint.
        await app.QueryAsync(db => db.Database.ExecuteSqlRawAsync("""
            CREATE TRIGGER refuse_b BEFORE INSERT ON conversations WHEN NEW."Address" = 'b'
            BEGIN SELECT RAISE(ABORT, 'refused for the test'); END
            """));
        Task<TurnWriteOutcome> good1, bad, good2;
        using (await gate.EnterAsync(WriterHolders.Actions, CancellationToken.None))
        {
            good1 = CommitAsync("a");
            await WaitUntilQueuedAsync(store, 1);
            bad = CommitAsync("b");
            await WaitUntilQueuedAsync(store, 2);
            good2 = CommitAsync("c");
            await WaitUntilQueuedAsync(store, 3);
        }

        Assert.Equal(TurnWriteOutcome.Written, await good1);
        Assert.Equal(TurnWriteOutcome.Written, await good2);
        var failure = await Assert.ThrowsAnyAsync<DbException>(() => bad);
        Assert.Contains("refused for the test", failure.Message, StringComparison.Ordinal);
        Assert.Equal(["a", "c"], await app.QueryAsync(db => db.Set<ConversationRecord>().OrderBy(c => c.Address).Select(c => c.Address).ToListAsync()));
        Assert.Equal(["update-a", "update-c"], await app.QueryAsync(db => db.Set<InboundReceipt>().OrderBy(r => r.ExternalId).Select(r => r.ExternalId).ToListAsync()));
    }

    [Fact]
    public async Task An_action_that_says_it_only_reads_yet_leaves_changes_fails_its_turn_and_nothing_is_written()
    {
        await using var app = new BotApp { ConfigureTestServices = services => services.AddScoped<IDialogAction, LeakyConsentAction>() };
        var service = app.Services.GetRequiredService<ConversationService>();
        var user = new ChannelUser("test", "chat-1");
        await service.HandleAsync(new IncomingMessage(user, "/start", ExternalId: "update-1"), CancellationToken.None);

        var result = await service.HandleAsync(new IncomingMessage(user, null, "ya", ExternalId: "update-2"), CancellationToken.None);

        Assert.True(result.Failed);
        Assert.Equal(1, await app.QueryAsync(db => db.Set<ConversationRecord>().Select(c => c.Version).SingleAsync()));
        Assert.Equal(["update-1"], await app.QueryAsync(db => db.Set<InboundReceipt>().Select(r => r.ExternalId).ToListAsync()));
    }

    /// <summary>Stands in for record-consent, claims to only read, and adds a row anyway.</summary>
    private sealed class LeakyConsentAction : IDialogAction
    {
        public string Name => "record-consent";

        public bool ReadsOnly => true;

        public Task<ActionOutcome> RunAsync(ActionContext context, CancellationToken cancellationToken)
        {
            context.Db.Add(new InboundReceipt { Channel = "test", ExternalId = "leaked", ReceivedAt = context.Now });
            return Task.FromResult(ActionOutcome.Continue);
        }
    }
}
