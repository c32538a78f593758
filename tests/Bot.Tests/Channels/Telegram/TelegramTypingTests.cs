using AsnBot.Bot.Tests.Support;
using AsnBot.Channels.Telegram;
using Microsoft.Data.Sqlite;

namespace AsnBot.Bot.Tests.Channels.Telegram;

/// <summary>A turn that takes more than a moment shows "typing…" in the chat before its reply.</summary>
[Trait("Category", "EndToEnd")]
public sealed class TelegramTypingTests() : TelegramTestBase(TelegramMode.Polling)
{
    [Fact]
    public async Task A_slow_turn_shows_typing_to_that_chat_before_the_reply()
    {
        var person = NewPerson();
        await person.RegisterAsync();

        // Another process holds the database's write lock, so the turn has to wait for it.
        await using (var blocker = new SqliteConnection($"Data Source={App.DatabaseFile};Pooling=False"))
        {
            await blocker.OpenAsync();
            await using var transaction = await blocker.BeginTransactionAsync();
            await using (var write = blocker.CreateCommand())
            {
                write.CommandText = "UPDATE people SET \"LessonHour\" = \"LessonHour\"";
                write.Transaction = (SqliteTransaction)transaction;
                await write.ExecuteNonQueryAsync();
            }
            Telegram.SendText(person.User.Id, "menu");

            var typing = await Telegram.WaitForCallsAsync("sendChatAction", 1, TelegramPerson.Patience);
            Assert.Equal(person.ChatId, typing[0].ChatId);
            Assert.Equal("typing", typing[0].GetString("action"));
            await transaction.RollbackAsync();
        }

        var reply = await Telegram.WaitForBotMessagesAsync(person.ChatId, 1, TelegramPerson.Patience);
        Assert.Contains("Apa yang ingin Anda lakukan?", reply[^1].Text, StringComparison.Ordinal);
        var typedAt = Telegram.Calls("sendChatAction", person.ChatId)[0].ReceivedAtUtc;
        Assert.True(Telegram.Calls("sendMessage", person.ChatId)[^1].ReceivedAtUtc > typedAt, "typing came after the reply");
    }
}
