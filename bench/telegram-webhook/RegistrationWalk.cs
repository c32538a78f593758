using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace AsnBot.Bench.TelegramWebhook;

/// <summary>One simulated person registering: texts as message updates, presses as callback_query updates on the bot's real keyboards.</summary>
internal sealed class RegistrationWalk(IBotApiPeer telegram, HttpClient http, Uri webhook)
{
    public const int UpdatesPerUser = 12;
    private long _nextUpdateId = 100_000_000;
    private int _failures;

    public int Failures => Volatile.Read(ref _failures);

    public async Task<List<double>> RegisterAsync(int index, CancellationToken cancellationToken)
    {
        var user = 500_000_000L + index;
        telegram.CreateChat(user);
        var timings = new List<double>(UpdatesPerUser);
        async Task Say(string text) => timings.Add(await PostAsync(Message(user, text), cancellationToken));
        async Task Press(string label) => timings.Add(await PostAsync(Pressed(user, label), cancellationToken));

        await Say("/start");
        await Press("Setuju");
        await Say(Nip(index));
        await Say("Siti Rahma");
        await Say("Pemerintah Kota Ambon");
        await Say("Dinas Kesehatan");
        await Say("Analis Kebijakan");
        await Press("Fungsional Ahli Muda");
        await Say("maluku");
        await Say("Kota Ambon");
        await Press("08.00");
        await Press("Benar, simpan");
        return timings;
    }

    private async Task<double> PostAsync(JsonObject update, CancellationToken cancellationToken)
    {
        using var content = new StringContent(update.ToJsonString(), Encoding.UTF8, "application/json");
        var started = Stopwatch.GetTimestamp();
        using var response = await http.PostAsync(webhook, content, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (!response.IsSuccessStatusCode)
            Interlocked.Increment(ref _failures);
        return elapsed;
    }

    private JsonObject Message(long user, string text) => new()
    {
        ["update_id"] = Interlocked.Increment(ref _nextUpdateId),
        ["message"] = new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref _nextUpdateId),
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = Chat(user),
            ["from"] = From(user),
            ["text"] = text,
        },
    };

    private JsonObject Pressed(long user, string label)
    {
        var (messageId, text, data) = telegram.FindButton(user, label);
        return new JsonObject
        {
            ["update_id"] = Interlocked.Increment(ref _nextUpdateId),
            ["callback_query"] = new JsonObject
            {
                ["id"] = "bench-" + Interlocked.Increment(ref _nextUpdateId).ToString(CultureInfo.InvariantCulture),
                ["from"] = From(user),
                ["chat_instance"] = "bench-" + user.ToString(CultureInfo.InvariantCulture),
                ["data"] = data,
                ["message"] = new JsonObject
                {
                    ["message_id"] = messageId,
                    ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                    ["chat"] = Chat(user),
                    ["text"] = text,
                },
            },
        };
    }

    private static JsonObject Chat(long user) => new() { ["id"] = user, ["type"] = "private", ["first_name"] = "Pengguna" };

    private static JsonObject From(long user) => new() { ["id"] = user, ["is_bot"] = false, ["first_name"] = "Pengguna" };

    /// <summary>A valid, unique NIP per person: birth date and sequence vary, TMT CPNS 2010-01, male.</summary>
    private static string Nip(int index)
    {
        var birth = new DateOnly(1980, 1, 1).AddDays(index / 1000);
        return birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "201001" + "1" + (index % 1000).ToString("D3", CultureInfo.InvariantCulture);
    }
}
