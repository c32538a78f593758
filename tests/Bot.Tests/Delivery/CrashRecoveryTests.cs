using AsnBot.Bot.Tests.Support;
using Microsoft.Data.Sqlite;

namespace AsnBot.Bot.Tests.Delivery;

[Trait("Category", "EndToEnd")]
public sealed class CrashRecoveryTests : IDisposable
{
    private const int People = 2000;
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"asnbot-crash-{Guid.NewGuid():N}.db");

    private static readonly Dictionary<string, string> Settings = new()
    {
        // Web sends land in the inbox table: every delivery is a row the test can count.
        ["Delivery:Web:MessagesPerSecond"] = "250",
        ["Delivery:ClaimLease"] = "00:00:03",
        ["Delivery:PollInterval"] = "00:00:00.100",
        ["Scheduler:Enabled"] = "false",
        ["Scheduler:QuietHours"] = "",
    };

    [Fact]
    public async Task A_bot_killed_mid_broadcast_delivers_everything_after_restart_with_duplicates_only_from_rows_in_flight()
    {
        await BotProcess.RunAsync(_database, Settings, "seed-demo", "--without-needs", "--people", People.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var id = (await BotProcess.RunAsync(_database, Settings, "broadcast", "create", "--text", "Uji pemulihan", "--button", "Sudah dibaca")).Trim();

        using (var first = BotProcess.Start(_database, Settings, "serve"))
        {
            await BotProcess.RunAsync(_database, Settings, "broadcast", "send", id);
            await WaitUntilAsync(async () => await CountAsync("SELECT COUNT(*) FROM inbox_messages") >= People / 4, first);
            first.KillHard();
        }
        var inFlight = await CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE Status = 'Sending'");
        var delivered = await CountAsync("SELECT COUNT(*) FROM inbox_messages");
        Assert.True(delivered < People, "the kill came too late to be mid-broadcast");

        using (var second = BotProcess.Start(_database, Settings, "serve"))
        {
            await WaitUntilAsync(async () => await CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE Status = 'Sent'") == People, second);
        }

        Assert.Equal(People, await CountAsync("SELECT COUNT(DISTINCT Address) FROM inbox_messages"));
        var duplicates = await CountAsync("SELECT COUNT(*) FROM inbox_messages") - People;
        Assert.True(duplicates >= 0 && duplicates <= inFlight, $"{duplicates} duplicates, {inFlight} in flight at the kill, {delivered} delivered before it");
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, BotProcess bot)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!await condition())
        {
            if (bot.HasExited)
                throw new InvalidOperationException("The bot stopped: " + bot.Output);
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("Condition not met in 90 s. Bot output: " + bot.Output);
            await Task.Delay(50);
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(_database + suffix);
    }
}
