using System.Collections.Immutable;
using AsnBot.Conversations;
using AsnBot.Conversations.Dialogs;
using AsnBot.Conversations.Engine;
using AsnBot.Knowledge.Outbox;

namespace AsnBot.Delivery;

/// <summary>Turns an outbox row into the replies a channel sends: a text, or the opening of a dialog.</summary>
public sealed class OutboxReplies(DialogSet dialogs, ConversationService conversations)
{
    public async Task<IReadOnlyList<Reply>> ForAsync(ClaimedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = OutboxPayload.FromJson(message.PayloadJson);
        if (message.Kind == OutboxKind.StartDialog)
        {
            // The service queues the dialog behind the one the person is in, and then sends nothing now.
            var turn = await conversations.StartDialogAsync(new ChannelUser(message.Channel, message.Address), payload.DialogId ?? "", cancellationToken).ConfigureAwait(false);
            return turn.Replies;
        }
        var text = payload.TextKey is { } key
            ? TextTemplate.Fill(dialogs.Texts[key], (payload.Args ?? ImmutableDictionary<string, string>.Empty).ToImmutableDictionary())
            : payload.Text ?? "";
        return [new Reply(text) { Choices = [.. (payload.Buttons ?? []).Select(b => new ReplyChoice(b.Label, b.Value))] }];
    }
}
