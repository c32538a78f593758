namespace AsnBot.TestPeers.Telegram;

/// <summary><c>answerCallbackQuery</c>: each button press can be answered once.</summary>
internal sealed class CallbackQueryMethods(CallbackQueries queries)
{
    public ValueTask<BotApiResult> AnswerCallbackQuery(RequestParameters parameters, CancellationToken cancellationToken)
    {
        queries.Answer(
            parameters.GetString("callback_query_id") ?? string.Empty,
            parameters.GetString("text"),
            parameters.GetBoolean("show_alert"),
            parameters.GetString("url"));
        return ValueTask.FromResult(BotApiResult.Ok(true));
    }
}
