using System.Globalization;

namespace AsnBot.TestPeers.Telegram;

/// <summary>Button presses waiting for the bot's <c>answerCallbackQuery</c>, and the answers given.</summary>
internal sealed class CallbackQueries(TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, CallbackAnswer?> _queries = new(StringComparer.Ordinal);
    private long _lastId = 4_200_000_000_000_000;

    public AsyncSignal Changed { get; } = new();

    /// <summary>Telegram's ids are opaque numeric strings; large ones keep bots from parsing them as small ints.</summary>
    public string Register()
    {
        var id = Interlocked.Increment(ref _lastId).ToString(CultureInfo.InvariantCulture);
        lock (_gate)
        {
            _queries[id] = null;
        }

        return id;
    }

    /// <summary>Telegram accepts one answer per query; unknown and already answered ids get the same error.</summary>
    public void Answer(string id, string? text, bool showAlert, string? url)
    {
        lock (_gate)
        {
            if (!_queries.TryGetValue(id, out var existing) || existing is not null)
            {
                throw BotApiErrors.Reject("query is too old and response timeout expired or query ID is invalid");
            }

            _queries[id] = new CallbackAnswer(id, text, showAlert, url, clock.GetUtcNow());
        }

        Changed.Pulse();
    }

    public CallbackAnswer? AnswerFor(string id)
    {
        lock (_gate)
        {
            return _queries.GetValueOrDefault(id);
        }
    }

    /// <summary>A stable per-chat <c>chat_instance</c>, the global identifier Telegram attaches to callback queries.</summary>
    public static string ChatInstance(long chatId) =>
        (chatId * 7919 + 1_000_003).ToString(CultureInfo.InvariantCulture);
}
