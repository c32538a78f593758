using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AsnBot.TestPeers.Telegram;

namespace AsnBot.EndToEnd.Tests.ScaleOut;

/// <summary>
/// One person writing to the bot through the Telegram webhook, as Telegram would deliver it:
/// texts as <c>message</c> updates, presses as <c>callback_query</c> updates on the keyboard the
/// fake server holds. Which instance gets an update is the caller's choice (a load balancer's).
/// </summary>
public sealed class WebhookPerson(FakeTelegramServer telegram, long chatId, string secret)
{
    private static long _nextUpdateId = 900_000_000;

    public long ChatId => chatId;

    /// <summary>The registration dialog, step by step, as the shipped dialogs ask it.</summary>
    public static IReadOnlyList<(bool IsPress, string Answer)> Registration(string nip, string name) =>
    [
        (false, "/start"), (true, "Setuju"), (false, nip), (false, name), (false, "Pemerintah Kota Ambon"),
        (false, "Dinas Kesehatan"), (false, "Analis Kebijakan"), (true, "Fungsional Ahli Muda"), (false, "maluku"),
        (false, "Kota Ambon"), (true, "08.00"), (true, "Benar, simpan"),
    ];

    /// <summary>The update for one answer: a text, or a press of the button with that label on the latest keyboard.</summary>
    public string Update(bool isPress, string answer) => (isPress ? Pressed(answer) : Message(answer)).ToJsonString();

    public static async Task<HttpStatusCode> PostAsync(BotInstance instance, string update, string secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/telegram/update", UriKind.Relative))
        {
            Content = new StringContent(update, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        using var response = await instance.Http.SendAsync(request);
        return response.StatusCode;
    }

    public Task<HttpStatusCode> PostAsync(BotInstance instance, string update) => PostAsync(instance, update, secret);

    private JsonObject Message(string text) => new()
    {
        ["update_id"] = Interlocked.Increment(ref _nextUpdateId),
        ["message"] = new JsonObject
        {
            ["message_id"] = (int)(Interlocked.Increment(ref _nextUpdateId) % int.MaxValue),
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private", ["first_name"] = "Pengguna" },
            ["from"] = From(),
            ["text"] = text,
        },
    };

    private JsonObject Pressed(string label)
    {
        var message = telegram.BotMessages(chatId).LastOrDefault(m => m.Keyboard?.FindByText(label) is not null)
            ?? throw new InvalidOperationException($"No button '{label}' in chat {chatId}: {telegram.LatestBotMessage(chatId)?.Text}");
        return new JsonObject
        {
            ["update_id"] = Interlocked.Increment(ref _nextUpdateId),
            ["callback_query"] = new JsonObject
            {
                ["id"] = "q" + Interlocked.Increment(ref _nextUpdateId).ToString(CultureInfo.InvariantCulture),
                ["from"] = From(),
                ["chat_instance"] = "ci" + chatId.ToString(CultureInfo.InvariantCulture),
                ["data"] = message.Keyboard!.FindByText(label)!.CallbackData,
                ["message"] = new JsonObject
                {
                    ["message_id"] = message.MessageId,
                    ["date"] = message.SentAt.ToUnixTimeSeconds(),
                    ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private", ["first_name"] = "Pengguna" },
                    ["text"] = message.Text,
                },
            },
        };
    }

    private JsonObject From() => new() { ["id"] = chatId, ["is_bot"] = false, ["first_name"] = "Pengguna" };

    /// <summary>A valid, distinct NIP per index: birth date 1980 onwards, TMT CPNS 2010-01, male.</summary>
    public static string Nip(int index) =>
        new DateOnly(1980, 1, 1).AddDays(index / 1000).ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "2010011" + (index % 1000).ToString("D3", CultureInfo.InvariantCulture);
}
