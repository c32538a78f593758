using System.Collections.Immutable;
using AsnBot.Conversations;
using AsnBot.Conversations.Dialogs;
using AsnBot.Conversations.Engine;
using AsnBot.Knowledge.Outbox;

namespace AsnBot.Delivery;

/// <summary>
/// What a row sends: its replies and, of the first, how many parts of its text an earlier
/// attempt delivered (a channel sends a text over its length limit in parts).
/// </summary>
public sealed record OutboxSend(IReadOnlyList<Reply> Replies, int FromPart = 0);

/// <summary>Turns an outbox row into the replies a channel sends: a text, or the opening of a dialog.</summary>
public sealed class OutboxReplies(DialogSet dialogs, ConversationService conversations)
{
    public async Task<OutboxSend> ForAsync(ClaimedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = OutboxPayload.FromJson(message.PayloadJson);
        if (payload.Replies is { } rest)
            return new OutboxSend([.. rest.Select(r => new Reply(r.Text) { Choices = Choices(r.Buttons) })], payload.PartsSent ?? 0);
        if (message.Kind == OutboxKind.StartDialog)
        {
            // The service queues the dialog behind the one the person is in, and then sends nothing now.
            // The row starts it once. A failed send keeps what was left to send (above); started again
            // all the same (the process stopped before the outcome was kept), the person is sent the
            // question they wait on, which is what they need of what may not have arrived.
            var to = new ChannelUser(message.Channel, message.Address);
            var turn = await conversations.StartDialogAsync(to, payload.DialogId ?? "", ReceiptOf(message), cancellationToken).ConfigureAwait(false);
            if (!turn.WasDuplicate)
                return new OutboxSend(turn.Replies);
            return new OutboxSend(await conversations.CurrentPromptAsync(to, cancellationToken).ConfigureAwait(false) is { } waiting ? [waiting] : []);
        }
        var text = payload.TextKey is { } key
            ? TextTemplate.Fill(dialogs.Texts[key], (payload.Args ?? ImmutableDictionary<string, string>.Empty).ToImmutableDictionary())
            : payload.Text ?? "";
        return new OutboxSend([new Reply(text) { Choices = Choices(payload.Buttons) }]);
    }

    /// <summary>
    /// The row's payload for its retry once <paramref name="unsent"/> is all that is left to send of
    /// it, the first of them with <paramref name="partsSent"/> parts of its text delivered already;
    /// or null to send the row as it is. A dialog's start is kept (it ran its turn and is not
    /// started again), and so is a text of which some parts went out; any other row gives the same
    /// replies each time.
    /// </summary>
    public static string? Rest(ClaimedMessage message, IReadOnlyList<Reply> unsent, int partsSent)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(unsent);
        if (message.Kind != OutboxKind.StartDialog && partsSent == 0)
            return null;
        var rest = unsent.Select(r => new OutboxText(r.Text, [.. r.Choices.Select(c => new OutboxButton(c.Label, c.Value))])).ToList();
        return (OutboxPayload.FromJson(message.PayloadJson) with { Replies = rest, PartsSent = partsSent > 0 ? partsSent : null }).ToJson();
    }

    private static ImmutableList<ReplyChoice> Choices(IReadOnlyList<OutboxButton>? buttons) =>
        [.. (buttons ?? []).Select(b => new ReplyChoice(b.Label, b.Value))];

    /// <summary>The receipt a row's dialog start is recorded under, as an inbound update's id is.</summary>
    private static string ReceiptOf(ClaimedMessage message) => "outbox:" + message.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
