using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace AsnBot.Bench.TelegramWebhook;

/// <summary>One simulated person registering: texts as message updates, presses as callback_query updates on the bot's real keyboards.</summary>
internal sealed class RegistrationWalk(IBotApiPeer telegram, PostUpdate post)
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

    /// <summary>Updates posted through <paramref name="http"/> (a handler of its own may route them).</summary>
    public static PostUpdate Over(HttpClient http, Uri webhook) => async (update, cancellationToken) =>
    {
        using var content = new ByteArrayContent(update);
        content.Headers.ContentType = Json;
        using var response = await http.PostAsync(webhook, content, cancellationToken);
        return response.IsSuccessStatusCode;
    };

    private async Task<double> PostAsync(byte[] update, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var succeeded = await post(update, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (!succeeded)
            Interlocked.Increment(ref _failures);
        return elapsed;
    }

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    // The updates are written straight as UTF-8 JSON, as Telegram sends them: the simulated users
    // share the machine's cores with the bot, so what they spend is kept small.
    private byte[] Message(long user, string text) => Write(json =>
    {
        json.WriteNumber("update_id", Interlocked.Increment(ref _nextUpdateId));
        json.WriteStartObject("message");
        json.WriteNumber("message_id", Interlocked.Increment(ref _nextUpdateId));
        json.WriteNumber("date", DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Chat(json, user);
        From(json, user);
        json.WriteString("text", text);
        json.WriteEndObject();
    });

    private byte[] Pressed(long user, string label)
    {
        var (messageId, text, data) = telegram.FindButton(user, label);
        return Write(json =>
        {
            json.WriteNumber("update_id", Interlocked.Increment(ref _nextUpdateId));
            json.WriteStartObject("callback_query");
            json.WriteString("id", "bench-" + Interlocked.Increment(ref _nextUpdateId).ToString(CultureInfo.InvariantCulture));
            From(json, user);
            json.WriteString("chat_instance", "bench-" + user.ToString(CultureInfo.InvariantCulture));
            json.WriteString("data", data);
            json.WriteStartObject("message");
            json.WriteNumber("message_id", messageId);
            json.WriteNumber("date", DateTimeOffset.UtcNow.ToUnixTimeSeconds());
            Chat(json, user);
            json.WriteString("text", text);
            json.WriteEndObject();
            json.WriteEndObject();
        });
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void Chat(Utf8JsonWriter json, long user)
    {
        json.WriteStartObject("chat");
        json.WriteNumber("id", user);
        json.WriteString("type", "private");
        json.WriteString("first_name", "Pengguna");
        json.WriteEndObject();
    }

    private static void From(Utf8JsonWriter json, long user)
    {
        json.WriteStartObject("from");
        json.WriteNumber("id", user);
        json.WriteBoolean("is_bot", false);
        json.WriteString("first_name", "Pengguna");
        json.WriteEndObject();
    }

    /// <summary>A valid, unique NIP per person: birth date and sequence vary, TMT CPNS 2010-01, male.</summary>
    private static string Nip(int index)
    {
        var birth = new DateOnly(1980, 1, 1).AddDays(index / 1000);
        return birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "201001" + "1" + (index % 1000).ToString("D3", CultureInfo.InvariantCulture);
    }
}
