using AsnBot.Bot.Tests.Channels.Web;
using AsnBot.Bot.Tests.Support;
using AsnBot.Channels.Web;
using AsnBot.Conversations;
using AsnBot.Conversations.Engine;
using AsnBot.Knowledge.Conversations;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsnBot.Bot.Tests.Conversations;

/// <summary>
/// A turn reads the conversation and the person in one statement, resolves a button press against
/// the question in that same read, and writes over what it read; on either database.
/// </summary>
[Collection(PostgresTests.Name)]
[Trait("Category", "EndToEnd")]
public sealed class TurnReadTests(PostgresFixture postgres)
{
    /// <summary>Keys as a channel would draw them: the option's value behind a prefix, resolved only against the question's own options.</summary>
    private static readonly Func<string, Reply, ReplyChoice?> ByValue =
        (key, prompt) => prompt.Choices.FirstOrDefault(c => "key:" + c.Value == key);

    private static bool HasTag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key, string value)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == key && value.Equals(tag.Value))
                return true;
        }
        return false;
    }

    /// <summary>A press on the option of <paramref name="value"/> of the question the person waits on, keyed as a channel would key it.</summary>
    internal static IncomingMessage Press(ChannelUser user, string value, string externalId) =>
        new(user, null, null, externalId, new ButtonPress("key:" + value, ByValue));

    [Theory]
    [MemberData(nameof(PostgresFixture.Providers), MemberType = typeof(PostgresFixture))]
    public async Task A_press_on_the_waiting_question_is_answered_and_names_the_option_pressed(string provider)
    {
        await using var app = await postgres.StartAppAsync(provider);
        var service = app.Services.GetRequiredService<ConversationService>();
        var user = new ChannelUser("test", "press-1");
        await service.HandleAsync(new IncomingMessage(user, "/start"), CancellationToken.None);

        var result = await service.HandleAsync(Press(user, "ya", "u-1"), CancellationToken.None);

        Assert.False(result.WasStalePress);
        Assert.Equal("ya", result.Pressed?.Value);
        Assert.Contains("Ketik NIP Anda", result.Replies[^1].Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(PostgresFixture.Providers), MemberType = typeof(PostgresFixture))]
    public async Task A_press_on_a_question_no_longer_waiting_changes_nothing_and_leaves_no_receipt(string provider)
    {
        await using var app = await postgres.StartAppAsync(provider);
        var service = app.Services.GetRequiredService<ConversationService>();
        var user = new ChannelUser("test", "press-2");
        await service.HandleAsync(new IncomingMessage(user, "/start"), CancellationToken.None);
        await service.HandleAsync(Press(user, "ya", "u-1"), CancellationToken.None);
        var versionBefore = await app.QueryAsync(db => db.Set<ConversationRecord>().Select(c => c.Version).SingleAsync());

        var staleCounted = 0;
        using var listener = HostMeter.Listen<long>(app.Services, name => name == "asnbot.updates.handled", (_, value, tags, _) =>
        {
            if (HasTag(tags, "channel", "test") && HasTag(tags, "outcome", "stale-button"))
                Interlocked.Add(ref staleCounted, (int)value);
        });

        // The consent buttons again, now that the NIP is asked: they belong to no waiting question.
        var stale = await service.HandleAsync(Press(user, "tidak", "u-2"), CancellationToken.None);
        Assert.Equal(1, Volatile.Read(ref staleCounted));

        Assert.True(stale.WasStalePress);
        Assert.Null(stale.Pressed);
        Assert.Empty(stale.Replies);
        Assert.Equal(versionBefore, await app.QueryAsync(db => db.Set<ConversationRecord>().Select(c => c.Version).SingleAsync()));
        Assert.Equal(1, await app.QueryAsync(db => db.Set<InboundReceipt>().CountAsync()));
    }

    [Theory]
    [MemberData(nameof(PostgresFixture.Providers), MemberType = typeof(PostgresFixture))]
    public async Task A_turn_that_read_its_address_before_it_was_linked_writes_nothing_and_runs_again_as_the_person(string provider)
    {
        await using var app = await postgres.StartAppAsync(provider);
        var service = app.Services.GetRequiredService<ConversationService>();
        var store = app.Services.GetRequiredService<TurnStore>();
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        var talking = new ChannelUser("test", "link-1");
        var silent = new ChannelUser("test", "link-2");
        await service.HandleAsync(new IncomingMessage(talking, "/start", ExternalId: "u-1"), CancellationToken.None);
        await using var scope = new TurnScope(scopes);
        var (before, beforeSilent) = (await store.ReadFreshAsync(scope, talking, CancellationToken.None), await store.ReadFreshAsync(scope, silent, CancellationToken.None));

        // Both addresses are linked to a person between the turns' read and their write, as the dashboard or a turn elsewhere would.
        var personId = await app.QueryAsync(async db =>
        {
            var person = RememberedTurnsTests.NewPerson("198503122010011003");
            db.Add(person);
            foreach (var user in new[] { talking, silent })
                db.Add(new ChannelAccount { PersonId = person.Id, Channel = user.Channel, Address = user.Address, LinkedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            return person.Id;
        });
        var json = ConversationStateJson.Write(ConversationState.Idle);
        var update = await store.CommitAsync(scope, new TurnWrite(talking, "u-2", before.Conversation, before.PersonId, json, DateTimeOffset.UtcNow), CancellationToken.None);
        var insert = await store.CommitAsync(scope, new TurnWrite(silent, "u-3", beforeSilent.Conversation, beforeSilent.PersonId, json, DateTimeOffset.UtcNow), CancellationToken.None);

        Assert.Equal((TurnWriteOutcome.Conflict, TurnWriteOutcome.Conflict), (update, insert));
        var rows = await app.QueryAsync(db => db.Set<ConversationRecord>().Select(c => new { c.Address, c.Version, c.PersonId }).ToListAsync());
        Assert.Equal([("link-1", 1L, (Guid?)null)], rows.Select(c => (c.Address, c.Version, c.PersonId)));
        Assert.Equal(["u-1"], await app.QueryAsync(db => db.Set<InboundReceipt>().Select(r => r.ExternalId).ToListAsync()));

        // The turn run again reads the person: a registered person's /start opens the menu.
        var again = await service.HandleAsync(new IncomingMessage(talking, "/start", ExternalId: "u-2"), CancellationToken.None);
        Assert.DoesNotContain(again.Replies, r => r.Text.Contains("Apakah Anda setuju?", StringComparison.Ordinal));
        Assert.Equal(personId, await app.QueryAsync(db => db.Set<ConversationRecord>().Where(c => c.Address == "link-1").Select(c => c.PersonId).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(PostgresFixture.Providers), MemberType = typeof(PostgresFixture))]
    public async Task A_registered_person_is_found_by_the_turn_and_once_erased_in_a_turn_is_a_newcomer_again(string provider)
    {
        await using var app = await postgres.StartAppAsync(provider);
        var chat = app.Chat();
        await RegistrationOverWebChatTests.RegisterAsync(chat);
        var service = app.Services.GetRequiredService<ConversationService>();
        var user = new ChannelUser(WebChatEndpoints.Channel, chat.SessionId);

        // /start of a registered person opens the menu, not the registration: the person was read with the conversation.
        var menu = await service.HandleAsync(new IncomingMessage(user, "/start"), CancellationToken.None);
        Assert.DoesNotContain(menu.Replies, r => r.Text.Contains("Apakah Anda setuju?", StringComparison.Ordinal));

        await service.HandleAsync(new IncomingMessage(user, "/hapusdata"), CancellationToken.None);
        // The erasing action deletes the conversation row in the turn's own transaction; the write after it is no conflict.
        var erased = await service.HandleAsync(Press(user, "ya", "erase-1"), CancellationToken.None);
        Assert.False(erased.Failed);
        Assert.Contains("Semua data Anda sudah kami hapus", string.Join("\n", erased.Replies.Select(r => r.Text)), StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => db.Set<Person>().CountAsync()));

        var again = await service.HandleAsync(new IncomingMessage(user, "/start"), CancellationToken.None);
        Assert.Contains(again.Replies, r => r.Text.Contains("Apakah Anda setuju?", StringComparison.Ordinal));
        Assert.Equal(1, await app.QueryAsync(db => db.Set<ConversationRecord>().CountAsync()));
    }
}
