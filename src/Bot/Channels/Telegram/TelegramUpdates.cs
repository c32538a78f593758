using System.Globalization;
using AsnBot.Conversations;
using AsnBot.Conversations.Dialogs;
using AsnBot.Learning;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace AsnBot.Channels.Telegram;

/// <summary>
/// One Telegram update, from polling or the webhook alike: normalised for the conversation
/// service (with the update id, so a redelivery is dropped in the turn's own transaction),
/// then the replies rendered back. Button presses are resolved inside the turn against the
/// question the person is waiting on; a broadcast's button goes to the engine as its own value;
/// a press on any other keyboard gets a polite notice and changes nothing. Every press is acknowledged (answerCallbackQuery), handled or not.
/// </summary>
public sealed partial class TelegramUpdates(
    ConversationService conversations,
    TelegramBot bot,
    TelegramSender sender,
    TelegramReplies replies,
    TelegramFiles files,
    CertificateIntake certificates,
    DialogSet dialogs,
    TimeProvider time,
    ILogger<TelegramUpdates> logger)
{
    /// <summary>A turn that takes longer than this shows "typing…" in the chat.</summary>
    public static readonly TimeSpan TypingAfter = TimeSpan.FromMilliseconds(700);

    public const string StaleButtonText = "telegram.stale_button";

    /// <summary>Handles an update and acknowledges a press by calling answerCallbackQuery (polling).</summary>
    public Task HandleAsync(Update update, CancellationToken cancellationToken) =>
        HandleAsync(update, acknowledgeLater: false, cancellationToken);

    /// <summary>
    /// Handles an update; a press's acknowledgement is handed back instead of sent, for the
    /// webhook to put in its response (see <see cref="TelegramWebhook"/>).
    /// </summary>
    public Task<PressAcknowledgement?> HandleForWebhookAsync(Update update, CancellationToken cancellationToken) =>
        HandleAsync(update, acknowledgeLater: true, cancellationToken);

    private async Task<PressAcknowledgement?> HandleAsync(Update update, bool acknowledgeLater, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        switch (update)
        {
            case { Message: { Text: { } text, Chat.Type: ChatType.Private } message }:
                var user = User(message.Chat.Id);
                await RunTurnAsync(new IncomingMessage(user, text, null, bot.ExternalId(update.Id)), null, cancellationToken).ConfigureAwait(false);
                return null;
            case { Message: { Chat.Type: ChatType.Private } message } when TelegramFiles.HasFile(message):
                await HandleFileAsync(update, message, cancellationToken).ConfigureAwait(false);
                return null;
            case { CallbackQuery: { } press }:
                return await HandlePressAsync(update, press, acknowledgeLater, cancellationToken).ConfigureAwait(false);
            default:
                LogIgnored(logger, update.Type);
                return null;
        }
    }

    /// <summary>A photo or document is a certificate of outside training; the file goes to the intake, the replies back.</summary>
    private async Task HandleFileAsync(Update update, Message message, CancellationToken cancellationToken)
    {
        var user = User(message.Chat.Id);
        var received = await files.DownloadAsync(message, cancellationToken).ConfigureAwait(false);
        var replyList = await certificates.ReceiveAsync(
            user, received.FileName, received.Content, "telegram:" + bot.ExternalId(update.Id), cancellationToken).ConfigureAwait(false);
        await replies.DeliverAsync(user, replyList, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The press is resolved in the turn against the question as read in its transaction. Its
    /// acknowledgement stops the button's spinner, with the notice for a stale press: sent right
    /// after the turn, before the keyboard is marked and the replies go out, or, when
    /// <paramref name="acknowledgeLater"/>, handed back for the webhook's response, which
    /// Telegram runs once the replies are out. A press whose handling throws is acknowledged too.
    /// </summary>
    private async Task<PressAcknowledgement?> HandlePressAsync(Update update, CallbackQuery press, bool acknowledgeLater, CancellationToken cancellationToken)
    {
        if (press.Message is not { Chat.Type: ChatType.Private } message)
            return await AcknowledgeAsync(new PressAcknowledgement(press.Id, dialogs.Texts[StaleButtonText]), acknowledgeLater, cancellationToken).ConfigureAwait(false);
        var user = User(message.Chat.Id);
        var incoming = TelegramChoiceKeys.IsStandalone(press.Data)
            ? new IncomingMessage(user, null, press.Data, bot.ExternalId(update.Id))
            : new IncomingMessage(user, null, null, bot.ExternalId(update.Id), new ButtonPress(press.Data ?? string.Empty, TelegramChoiceKeys.Resolve));
        PressAcknowledgement? acknowledgement = null;
        var acknowledged = false;
        try
        {
            await RunTurnAsync(incoming, async result =>
            {
                acknowledged = true;
                var notice = result.WasStalePress ? dialogs.Texts[StaleButtonText] : null;
                acknowledgement = await AcknowledgeAsync(new PressAcknowledgement(press.Id, notice), acknowledgeLater, cancellationToken).ConfigureAwait(false);
                if (result.Pressed is { } choice)
                    await sender.MarkAnsweredAsync(user, message.Id, choice.Label, cancellationToken).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!acknowledged && !acknowledgeLater && !cancellationToken.IsCancellationRequested)
        {
            // The spinner still stops; the webhook does the same for its response.
            await sender.AnswerPressAsync(press.Id, null, cancellationToken).ConfigureAwait(false);
            throw;
        }
        return acknowledgement;
    }

    private async Task<PressAcknowledgement?> AcknowledgeAsync(PressAcknowledgement acknowledgement, bool later, CancellationToken cancellationToken)
    {
        if (later)
            return acknowledgement;
        await sender.AnswerPressAsync(acknowledgement.CallbackQueryId, acknowledgement.Text, cancellationToken).ConfigureAwait(false);
        return null;
    }

    /// <summary>Runs the turn; <paramref name="beforeReplies"/> sees its result first (also a duplicate's or a stale press's), then the replies go out.</summary>
    private async Task RunTurnAsync(IncomingMessage incoming, Func<TurnResult, Task>? beforeReplies, CancellationToken cancellationToken)
    {
        // The turn runs right here, with no hop to another thread. SQLite's "async" calls complete
        // synchronously (a busy database even sleeps the calling thread), so "typing…" is shown
        // by a timer, whose callback runs on a pool thread of its own however long this one is held.
        var user = incoming.From;
        var typing = new TypingCue(sender, user, cancellationToken);
        TurnResult result;
        using (time.CreateTimer(static cue => ((TypingCue)cue!).Show(), typing, TypingAfter, Timeout.InfiniteTimeSpan))
            result = await conversations.HandleAsync(incoming, cancellationToken).ConfigureAwait(false);
        // Shown or not, never after the reply: a late "typing…" would hang under the answer.
        await typing.StopAsync().ConfigureAwait(false);
        if (beforeReplies is not null)
            await beforeReplies(result).ConfigureAwait(false);
        if (result.WasDuplicate)
        {
            LogDuplicate(logger, incoming.ExternalId ?? string.Empty);
            return;
        }
        await replies.DeliverAsync(user, result.Replies, cancellationToken).ConfigureAwait(false);
    }

    private static ChannelUser User(long chatId) => new(TelegramSender.ChannelName, chatId.ToString(CultureInfo.InvariantCulture));

    [LoggerMessage(Level = LogLevel.Debug, Message = "Telegram update {ExternalId} was handled before; ignored")]
    private static partial void LogDuplicate(ILogger logger, string externalId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Telegram update of type {Type} is not for the conversation; ignored")]
    private static partial void LogIgnored(ILogger logger, UpdateType type);
}

/// <summary>answerCallbackQuery for one press: the query's id and the notice to show, if any.</summary>
public sealed record PressAcknowledgement(string CallbackQueryId, string? Text);
