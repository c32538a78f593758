using AsnBot.Bot.Tests.Support;

namespace AsnBot.Bot.Tests.Conversations;

public sealed class ResumeAfterRestartTests
{
    [Fact]
    public async Task A_second_host_on_the_same_database_continues_at_the_same_step_with_earlier_answers()
    {
        var database = Path.Combine(Path.GetTempPath(), $"asnbot-restart-{Guid.NewGuid():N}.db");
        const string session = "restart-session-01";
        try
        {
            await using (var first = new BotApp(database))
            {
                var chat = first.Chat(session);
                await chat.SayAsync("/start");
                await chat.PressAsync("ya");
                await chat.SayAsync("198503122010011003");
                await chat.SayAsync("Budi Santoso");
                Assert.Contains("nama instansi", chat.LastText, StringComparison.Ordinal);
            }

            await using var second = new BotApp(database);
            var resumed = second.Chat(session);
            await resumed.SayAsync("Pemerintah Provinsi Jambi");
            Assert.Contains("unit kerja", resumed.LastText, StringComparison.Ordinal);
            foreach (var answer in new[] { "BKPSDM", "Analis SDM Aparatur" })
                await resumed.SayAsync(answer);
            await resumed.PressAsync("fungsional-pertama");
            await resumed.SayAsync("Jambi");
            await resumed.SayAsync("Kota Jambi");
            await resumed.PressAsync("16");
            Assert.Contains("NIP: 198503122010011003", resumed.LastText, StringComparison.Ordinal);
            Assert.Contains("Nama: Budi Santoso", resumed.LastText, StringComparison.Ordinal);
        }
        finally
        {
            BotApp.DeleteDatabase(database);
        }
    }
}
