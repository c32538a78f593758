using System.Text.Json.Nodes;

namespace AsnBot.TestPeers.Telegram;

/// <summary>
/// <c>getUpdates</c> with Telegram's semantics: <c>offset</c> confirms earlier updates, <c>limit</c> caps the batch
/// at 1-100, <c>timeout</c> long-polls until an update arrives, <c>allowed_updates</c> sticks for later updates,
/// and the method is refused while a webhook is set.
/// </summary>
internal sealed class GetUpdatesMethod(UpdateQueue queue, WebhookRegistration webhook, PollerTurns turns)
{
    public async ValueTask<BotApiResult> GetUpdatesAsync(RequestParameters parameters, CancellationToken cancellationToken)
    {
        if (webhook.Target is not null)
        {
            return BotApiErrors.WebhookActive();
        }

        var offset = parameters.GetInt64("offset") ?? 0;
        var limit = (int)Math.Clamp(parameters.GetInt64("limit") ?? 100, 1, 100);
        var timeout = TimeSpan.FromSeconds(Math.Clamp(parameters.GetInt64("timeout") ?? 0, 0, 3600));
        if (parameters.Has("allowed_updates"))
        {
            queue.Allowed.Set(ParameterRules.StringList(parameters, "allowed_updates"));
        }

        var turn = turns.Begin();
        try
        {
            queue.ApplyOffset(offset);
            return await WaitForBatchAsync(limit, timeout, turn.Task, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            turns.End(turn);
        }
    }

    private async Task<BotApiResult> WaitForBatchAsync(int limit, TimeSpan timeout, Task superseded, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            var pulse = queue.Changed.NextPulse;
            var batch = queue.TakeBatch(limit);
            if (batch.Count > 0 || deadline.IsCancellationRequested)
            {
                cancellationToken.ThrowIfCancellationRequested();
                return BotApiResult.Ok(new JsonArray([.. batch.Select(update => JsonNode.Parse(update.Json))]));
            }

            if (superseded.IsCompleted)
            {
                return BotApiErrors.TerminatedByOtherGetUpdates();
            }

            try
            {
                await Task.WhenAny(pulse, superseded).WaitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The long-poll timeout ran out: loop once more to answer with whatever is there, usually nothing.
            }
        }
    }
}
