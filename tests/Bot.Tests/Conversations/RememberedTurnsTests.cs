using AsnBot.Bot.Tests.Support;
using AsnBot.Conversations;
using AsnBot.Conversations.Engine;
using AsnBot.Knowledge.Conversations;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsnBot.Bot.Tests.Conversations;

/// <summary>
/// On SQLite a turn starts from what the person's last turn wrote, kept in memory, and reads only
/// when nothing is kept. Whatever was changed elsewhere since (as another process, an erasure or
/// the dashboard would) wins over what was kept: the turn's write misses and it runs again on a fresh read.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class RememberedTurnsTests
{
    private static IncomingMessage Text(ChannelUser user, string text, string externalId) => new(user, text, null, externalId);

    private static IncomingMessage Press(ChannelUser user, string value, string externalId) => TurnReadTests.Press(user, value, externalId);

    private static (ConversationService Service, TurnStore Store) Parts(BotApp app) =>
        (app.Services.GetRequiredService<ConversationService>(), app.Services.GetRequiredService<TurnStore>());

    private static string LastText(TurnResult result) => result.Replies[^1].Text;

    /// <summary>Registration from /start to the job level question, each answer a turn (and an update) of its own.</summary>
    private static async Task<TurnResult> AnswerUpToJobLevelAsync(ConversationService service, ChannelUser user)
    {
        var step = 0;
        string NextId() => $"{user.Address}-walk-{++step}";
        await service.HandleAsync(Text(user, "/start", NextId()), CancellationToken.None);
        var last = await service.HandleAsync(Press(user, "ya", NextId()), CancellationToken.None);
        foreach (var answer in new[] { "19850312 201001 1 003", "Siti Rahma", "Pemerintah Kota Ambon", "Dinas Kesehatan", "Analis Kebijakan" })
            last = await service.HandleAsync(Text(user, answer, NextId()), CancellationToken.None);
        return last;
    }

    private static Task<ConversationRecord> RowAsync(BotApp app, ChannelUser user) =>
        app.QueryAsync(db => db.Set<ConversationRecord>().AsNoTracking().SingleAsync(c => c.Channel == user.Channel && c.Address == user.Address));

    [Fact]
    public async Task A_person_s_next_turns_start_from_what_their_last_turn_wrote_without_reading_it()
    {
        await using var app = new BotApp();
        var (service, store) = Parts(app);
        var user = new ChannelUser("test", "kept-1");

        await service.HandleAsync(Text(user, "/start", "u-1"), CancellationToken.None);
        var readsAfterFirst = store.DatabaseReads;
        // A press that runs a writing action (the consent is recorded), then a plain answer.
        var consented = await service.HandleAsync(Press(user, "ya", "u-2"), CancellationToken.None);
        var nip = await service.HandleAsync(Text(user, "19850312 201001 1 003", "u-3"), CancellationToken.None);

        Assert.Contains("Ketik NIP Anda", LastText(consented), StringComparison.Ordinal);
        Assert.Contains("nama lengkap", LastText(nip), StringComparison.Ordinal);
        Assert.Equal(readsAfterFirst, store.DatabaseReads);
        Assert.Equal(3, (await RowAsync(app, user)).Version);
    }

    [Fact]
    public async Task An_address_linked_elsewhere_since_the_last_turn_is_the_person_s_at_the_next_turn()
    {
        await using var app = new BotApp();
        var (service, _) = Parts(app);
        var user = new ChannelUser("test", "linked-1");
        await service.HandleAsync(Text(user, "/start", "u-1"), CancellationToken.None);

        // Linked behind the bot's back, as a coordinator or another process would: the conversation row is untouched.
        var personId = await app.QueryAsync(async db =>
        {
            var person = NewPerson("198503122010011003");
            db.Add(person);
            db.Add(new ChannelAccount { PersonId = person.Id, Channel = user.Channel, Address = user.Address, LinkedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            return person.Id;
        });
        var again = await service.HandleAsync(Text(user, "/start", "u-2"), CancellationToken.None);

        // A registered person's /start opens the menu; what was kept said "newcomer", and lost.
        Assert.False(again.Failed);
        Assert.DoesNotContain(again.Replies, r => r.Text.Contains("Apakah Anda setuju?", StringComparison.Ordinal));
        Assert.Equal(personId, (await RowAsync(app, user)).PersonId);
    }

    [Fact]
    public async Task A_conversation_deleted_elsewhere_since_the_last_turn_is_not_written_back()
    {
        await using var app = new BotApp();
        var (service, _) = Parts(app);
        var user = new ChannelUser("test", "deleted-1");
        await service.HandleAsync(Text(user, "/start", "u-1"), CancellationToken.None);

        await app.QueryAsync(db => db.Set<ConversationRecord>().Where(c => c.Address == user.Address).ExecuteDeleteAsync());
        // The consent button of the question kept in memory: in the database no question waits any more.
        var press = await service.HandleAsync(Press(user, "ya", "u-2"), CancellationToken.None);

        Assert.True(press.WasStalePress);
        Assert.Equal(0, await app.QueryAsync(db => db.Set<ConversationRecord>().CountAsync()));
    }

    [Fact]
    public async Task A_press_on_a_question_asked_elsewhere_since_the_last_turn_is_answered()
    {
        await using var app = new BotApp();
        var (service, _) = Parts(app);
        var elsewhere = new ChannelUser("test", "elsewhere-1");
        var user = new ChannelUser("test", "asked-1");
        await service.HandleAsync(Text(user, "/start", "u-1"), CancellationToken.None);

        // Another walk up to the job level question, whose state then becomes this person's, as another process's turn would write it.
        var last = await AnswerUpToJobLevelAsync(service, elsewhere);
        Assert.Contains("Jenjang jabatan", LastText(last), StringComparison.Ordinal);
        var asked = (await RowAsync(app, elsewhere)).StateJson;
        await app.QueryAsync(db => db.Set<ConversationRecord>().Where(c => c.Address == user.Address)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.StateJson, asked).SetProperty(c => c.Version, c => c.Version + 1)));

        // Against what was kept (the consent question) this press is on no waiting question; against the database it answers one.
        var press = await service.HandleAsync(Press(user, "pelaksana", "u-2"), CancellationToken.None);

        Assert.False(press.WasStalePress);
        Assert.Equal("pelaksana", press.Pressed?.Value);
        Assert.Equal(3, (await RowAsync(app, user)).Version);
    }

    [Fact]
    public async Task A_writing_action_over_a_conversation_written_elsewhere_keeps_nothing_and_runs_again_on_a_fresh_read()
    {
        await using var app = new BotApp();
        var (service, store) = Parts(app);
        var user = new ChannelUser("test", "stale-save-1");
        await AnswerUpToJobLevelAsync(service, user);
        var step = 0;
        await service.HandleAsync(Press(user, "fungsional-muda", "u-" + ++step), CancellationToken.None);
        await service.HandleAsync(Text(user, "maluku", "u-" + ++step), CancellationToken.None);
        await service.HandleAsync(Text(user, "Kota Ambon", "u-" + ++step), CancellationToken.None);
        await service.HandleAsync(Press(user, "8", "u-" + ++step), CancellationToken.None);

        // Written elsewhere, as another process's turn would: what was kept is now one version behind.
        await app.QueryAsync(db => db.Set<ConversationRecord>().Where(c => c.Address == user.Address)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.Version, c => c.Version + 1)));
        var version = (await RowAsync(app, user)).Version;
        var reads = store.DatabaseReads;
        // The save runs from what was kept, its state write misses, and all it did is rolled back.
        var saved = await service.HandleAsync(Press(user, "simpan", "u-" + ++step), CancellationToken.None);

        Assert.False(saved.Failed);
        Assert.Contains("Profil Anda sudah tersimpan", string.Join('\n', saved.Replies.Select(r => r.Text)), StringComparison.Ordinal);
        Assert.Equal("simpan", saved.Pressed?.Value);
        Assert.Equal(reads + 1, store.DatabaseReads);
        Assert.Equal(1, await app.QueryAsync(db => db.Set<Person>().CountAsync()));
        Assert.Equal(1, await app.QueryAsync(db => db.Set<ChannelAccount>().CountAsync()));
        var row = await RowAsync(app, user);
        Assert.Equal(version + 1, row.Version);
        Assert.NotNull(row.PersonId);
    }

    /// <summary>A registered person, added as the dashboard or another process would add one.</summary>
    internal static Person NewPerson(string nip) => new()
    {
        Nip = nip, FullName = "Andi Siregar", Agency = "Pemerintah Kota Medan", Unit = "Dinas Kesehatan", Position = "Analis Kebijakan",
        JobLevel = "pelaksana", Province = "Sumatera Utara", City = "Kota Medan", TimeZone = IndonesianTimeZone.WIB,
        RegisteredAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
    };
}

/// <summary>The memory itself: the latest write wins whatever order they arrive in, and it stays bounded.</summary>
public sealed class ConversationCacheTests
{
    private static ConversationRecord Row(long id, long version) =>
        new() { Id = id, Version = version, Channel = "test", Address = "a", StateJson = "{}" };

    [Fact]
    public void A_write_that_arrives_after_a_later_one_of_the_same_conversation_is_not_kept()
    {
        var cache = new ConversationCache();
        var user = new ChannelUser("test", "a");

        cache.Remember(user, Row(7, 3), null);
        cache.Remember(user, Row(7, 2), null);
        Assert.True(cache.TryGet(user, out var kept));
        Assert.Equal(3, kept.Conversation!.Version);
        Assert.True(kept.IsRemembered);

        // A conversation deleted and begun again is a new row, later than any version of the old one.
        cache.Remember(user, Row(9, 1), null);
        Assert.True(cache.TryGet(user, out kept));
        Assert.Equal((9L, 1L), (kept.Conversation!.Id, kept.Conversation.Version));

        cache.Remember(user, null, null);
        Assert.False(cache.TryGet(user, out _));
    }

    [Fact]
    public void It_holds_at_most_two_generations_and_keeps_the_conversations_in_use()
    {
        var cache = new ConversationCache();
        var busy = new ChannelUser("test", "busy");
        cache.Remember(busy, Row(1, 1), null);

        for (var i = 0; i < ConversationCache.Capacity * 5; i++)
        {
            cache.Remember(new ChannelUser("test", "quiet-" + i), Row(100 + i, 1), null);
            // The busy person's turns find their conversation every time, however many others pass.
            if (i % 1000 == 0)
                Assert.True(cache.TryGet(busy, out _));
            Assert.True(cache.Count <= 2 * ConversationCache.Capacity);
        }

        Assert.True(cache.TryGet(busy, out _));
        Assert.False(cache.TryGet(new ChannelUser("test", "quiet-0"), out _));
        Assert.True(cache.TryGet(new ChannelUser("test", "quiet-" + ((ConversationCache.Capacity * 5) - 1)), out _));
    }
}
