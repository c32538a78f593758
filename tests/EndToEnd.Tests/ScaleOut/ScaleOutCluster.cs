using AsnBot.TestPeers.Postgres;
using AsnBot.TestPeers.Telegram;
using Npgsql;

namespace AsnBot.EndToEnd.Tests.ScaleOut;

/// <summary>
/// What a province runs when one machine is not enough: one real PostgreSQL, one (fake)
/// Telegram, and AsnBot instances in webhook mode sharing that database, each a real process.
/// </summary>
public sealed class ScaleOutCluster : IAsyncLifetime
{
    public const string WebhookSecret = "scale-out-webhook-secret";

    private readonly List<BotInstance> _instances = [];

    public PostgresServer Postgres { get; private set; } = null!;
    public FakeTelegramServer Telegram { get; private set; } = null!;
    public string ConnectionString { get; private set; } = null!;
    public IReadOnlyList<BotInstance> Instances => _instances;

    /// <summary>How many instances <see cref="InitializeAsync"/> starts.</summary>
    public int InstanceCount { get; init; } = 2;

    /// <summary>Settings every instance and command gets; a test adds its own before starting.</summary>
    public Dictionary<string, string> Settings { get; } = new(StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        Postgres = await PostgresServer.StartAsync();
        ConnectionString = await Postgres.CreateDatabaseAsync();
        Telegram = await FakeTelegramServer.StartAsync();
        var ports = Enumerable.Range(0, InstanceCount).Select(_ => BotInstance.FreePort()).ToList();
        Settings["Database:Provider"] = "Postgres";
        Settings["ConnectionStrings:AsnBot"] = ConnectionString;
        Settings["Telegram:BotToken"] = Telegram.Token;
        Settings["Telegram:ApiBaseUrl"] = Telegram.BaseUrl.ToString();
        Settings["Telegram:Mode"] = "Webhook";
        // Where a load balancer in front of the instances would be; the tests post to each instance themselves.
        Settings["Telegram:WebhookUrl"] = $"http://127.0.0.1:{ports[0]}/api/telegram/update";
        Settings["Telegram:WebhookSecret"] = WebhookSecret;
        Settings["Scheduler:QuietHours"] = "";
        Settings["Flood:MaxMessages"] = "10000";
        Settings["Delivery:PollInterval"] = "00:00:00.200";
        Settings.TryAdd("Delivery:Telegram:MessagesPerSecond", "400");

        await BotInstance.RunCommandAsync(Settings, "migrate");
        // One after the other: the first provisions the scheduler's tables, the second finds them.
        foreach (var port in ports)
            _instances.Add(await BotInstance.StartAsync(Settings, port));
    }

    public Task<string> RunAsync(params string[] args) => BotInstance.RunCommandAsync(Settings, args);

    public async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Waits for a condition, failing with every instance's output if one stops or time runs out.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan within, string what)
    {
        var deadline = DateTime.UtcNow + within;
        while (!await condition())
        {
            if (_instances.FirstOrDefault(i => i.HasExited) is { } stopped)
                throw new InvalidOperationException("An instance stopped: " + stopped.Output);
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{what}: not within {within.TotalSeconds} s. Output: " + string.Join("\n---\n", _instances.Select(i => i.Output)));
            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances)
            await instance.DisposeAsync();
        if (Telegram is not null)
            await Telegram.DisposeAsync();
        if (Postgres is not null)
            await Postgres.DisposeAsync();
    }
}
