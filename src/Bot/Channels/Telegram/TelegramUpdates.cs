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
/// then the replies rendered back. Button presses are resolved against the question the
/// person is waiting on; a press on any other keyboard gets a polite notice and changes nothing.
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

    public Task HandleAsync(Update update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        return update switch
        {
            { Message: { Text: { } text, Chat.Type: ChatType.Private } message } =>
                RunTurnAsync(User(message.Chat.Id), text, null, bot.ExternalId(update.Id), null, cancellationToken),
            { Message: { Chat.Type: ChatType.Private } message } when TelegramFiles.HasFile(message) =>
                HandleFileAsync(update, message, cancellationToken),
            { CallbackQuery: { } press } => HandlePressAsync(update, press, cancellationToken),
            _ => Ignore(update),
        };
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

    private async Task HandlePressAsync(Update update, CallbackQuery press, CancellationToken cancellationToken)
    {
        if (press.Message is not { Chat.Type: ChatType.Private } message)
        {
            await sender.AnswerPressAsync(press.Id, dialogs.Texts[StaleButtonText], cancellationToken).ConfigureAwait(false);
            return;
        }
        var user = User(message.Chat.Id);
        var current = await conversations.CurrentPromptAsync(user, cancellationToken).ConfigureAwait(false);
        if (TelegramChoiceKeys.Resolve(press.Data, current) is not { } choice)
        {
            await sender.AnswerPressAsync(press.Id, dialogs.Texts[StaleButtonText], cancellationToken).ConfigureAwait(false);
            return;
        }
        await sender.AnswerPressAsync(press.Id, null, cancellationToken).ConfigureAwait(false);
        await RunTurnAsync(user, null, choice.Value, bot.ExternalId(update.Id), (message.Id, choice.Label), cancellationToken).ConfigureAwait(false);
    }

    private async Task RunTurnAsync(ChannelUser user, string? text, string? choice, string externalId, (int MessageId, string Label)? pressed, CancellationToken cancellationToken)
    {
        // The turn runs right here, with no hop to another thread. SQLite's "async" calls complete
        // synchronously (a busy database even sleeps the calling thread), so "typing…" is shown
        // by a timer, whose callback runs on a pool thread of its own however long this one is held.
        var incoming = new IncomingMessage(user, text, choice, externalId);
        var typing = new TypingCue(sender, user, cancellationToken);
        TurnResult result;
        using (time.CreateTimer(static cue => ((TypingCue)cue!).Show(), typing, TypingAfter, Timeout.InfiniteTimeSpan))
            result = await conversations.HandleAsync(incoming, cancellationToken).ConfigureAwait(false);
        // Shown or not, never after the reply: a late "typing…" would hang under the answer.
        await typing.StopAsync().ConfigureAwait(false);
        if (result.WasDuplicate)
        {
            LogDuplicate(logger, externalId);
            return;
        }
        if (pressed is { } answered)
            await sender.MarkAnsweredAsync(user, answered.MessageId, answered.Label, cancellationToken).ConfigureAwait(false);
        await replies.DeliverAsync(user, result.Replies, cancellationToken).ConfigureAwait(false);
    }

    private Task Ignore(Update update)
    {
        LogIgnored(logger, update.Type);
        return Task.CompletedTask;
    }

    private static ChannelUser User(long chatId) => new(TelegramSender.ChannelName, chatId.ToString(CultureInfo.InvariantCulture));

    [LoggerMessage(Level = LogLevel.Debug, Message = "Telegram update {ExternalId} was handled before; ignored")]
    private static partial void LogDuplicate(ILogger logger, string externalId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Telegram update of type {Type} is not for the conversation; ignored")]
    private static partial void LogIgnored(ILogger logger, UpdateType type);
}
