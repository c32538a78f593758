using System.Globalization;
using AsnBot.Conversations;
using AsnBot.Conversations.Engine;
using AsnBot.Delivery;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace AsnBot.Channels.Telegram;

/// <summary>
/// Renders replies for Telegram (HTML-escaped text, split under 4,096 characters, choices as
/// an inline keyboard with compact keys) and turns every Bot API error into an explicit outcome.
/// </summary>
public sealed partial class TelegramSender(
    TelegramBot bot,
    TelegramFloodGate gate,
    IServiceScopeFactory scopes,
    ILogger<TelegramSender> logger) : IChannelSender
{
    public const string ChannelName = "telegram";
    private const string AnsweredKey = "answered";
    public string Channel => ChannelName;

    public Task<SendResult> SendAsync(ChannelUser to, Reply reply, int fromPart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return SendAsync(to, reply.Text, reply, fromPart, cancellationToken);
    }

    /// <summary>
    /// Sends <paramref name="text"/> under <paramref name="prompt"/>'s keyboard: the text may carry
    /// the replies before the question too (<see cref="TelegramReplies.Messages"/>), while the keys
    /// stay those of the question as asked, which a press is resolved against. A text over
    /// Telegram's limit goes in parts; sending again after a failure, pass the failure's
    /// <see cref="SendResult.PartsSent"/> as <paramref name="fromPart"/>, so no part arrives twice.
    /// </summary>
    public async Task<SendResult> SendAsync(ChannelUser to, string text, Reply prompt, int fromPart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(prompt);
        // Even a failure before the first call keeps the parts an earlier attempt delivered.
        if (!bot.IsEnabled)
            return new SendResult(SendStatus.Failed, Error: "The Telegram channel is off: Telegram:BotToken is empty.") { PartsSent = fromPart };
        if (!long.TryParse(to.Address, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chatId))
            return new SendResult(SendStatus.RecipientGone, Error: "Not a Telegram chat id.") { PartsSent = fromPart };

        var parts = TelegramText.Split(text);
        for (var i = fromPart; i < parts.Count; i++)
        {
            // The keyboard goes under the last part, right where the question ends.
            var keyboard = i == parts.Count - 1 ? Keyboard(prompt) : null;
            if (parts[i].Length == 0 && keyboard is null)
                continue;
            var html = TelegramText.Escape(parts[i].Length == 0 ? "…" : parts[i]);
            var result = await CallAsync(to, c => bot.Client.SendMessage(chatId, html, ParseMode.Html, replyMarkup: keyboard, cancellationToken: c), cancellationToken).ConfigureAwait(false);
            if (result.Status != SendStatus.Sent)
                return result with { PartsSent = i };
        }
        return SendResult.Sent;
    }

    /// <summary>Replaces an answered question's keyboard with one inert button showing the answer.</summary>
    public Task<SendResult> MarkAnsweredAsync(ChannelUser to, int messageId, string chosenLabel, CancellationToken cancellationToken)
    {
        var marked = new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("✅ " + chosenLabel, AnsweredKey));
        return CallAsync(to, c => bot.Client.EditMessageReplyMarkup(ChatId(to), messageId, marked, cancellationToken: c), cancellationToken);
    }

    public Task<SendResult> ShowTypingAsync(ChannelUser to, CancellationToken cancellationToken) =>
        CallAsync(to, c => bot.Client.SendChatAction(ChatId(to), ChatAction.Typing, cancellationToken: c), cancellationToken);

    /// <summary>Stops the spinner on the pressed button, with a short notice when <paramref name="text"/> is given.</summary>
    public async Task AnswerPressAsync(string callbackQueryId, string? text, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(bot.Options.CallTimeout);
            await bot.Client.AnswerCallbackQuery(callbackQueryId, text, cancellationToken: timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RequestException or HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Only cosmetic: the button's spinner stops by itself after a while.
            LogPressNotAnswered(logger, e.Message);
        }
    }

    private async Task<SendResult> CallAsync(ChannelUser to, Func<CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(bot.Options.CallTimeout);
        try
        {
            await call(timeout.Token).ConfigureAwait(false);
            return SendResult.Sent;
        }
        catch (ApiRequestException e) when (e.ErrorCode == 429)
        {
            var retryAfter = TimeSpan.FromSeconds(e.Parameters?.RetryAfter is int seconds and > 0 ? seconds : 1);
            gate.CloseFor(retryAfter);
            LogThrottled(logger, retryAfter.TotalSeconds);
            return new SendResult(SendStatus.Throttled, retryAfter, e.Message);
        }
        catch (ApiRequestException e) when (IsRecipientGone(e))
        {
            await MarkUnreachableAsync(to, cancellationToken).ConfigureAwait(false);
            return new SendResult(SendStatus.RecipientGone, Error: e.Message);
        }
        catch (RequestException e)
        {
            return new SendResult(SendStatus.Failed, Error: e.Message);
        }
        catch (HttpRequestException e)
        {
            return new SendResult(SendStatus.Failed, Error: e.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SendResult(SendStatus.Failed, Error: $"No answer from Telegram within {bot.Options.CallTimeout.TotalSeconds} s.");
        }
    }

    /// <summary>403: blocked, kicked, deactivated; 400 "chat not found": the address no longer exists.</summary>
    private static bool IsRecipientGone(ApiRequestException e) =>
        e.ErrorCode == 403
        || (e.ErrorCode == 400 && (e.Message.Contains("chat not found", StringComparison.OrdinalIgnoreCase)
                                   || e.Message.Contains("user is deactivated", StringComparison.OrdinalIgnoreCase)));

    private async Task MarkUnreachableAsync(ChannelUser to, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AsnBotDbContext>();
        var marked = await db.Set<ChannelAccount>().Where(c => c.Channel == ChannelName && c.Address == to.Address && c.IsReachable)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.IsReachable, false), cancellationToken).ConfigureAwait(false);
        LogRecipientGone(logger, marked);
    }

    private static InlineKeyboardMarkup? Keyboard(Reply reply)
    {
        if (reply.Choices.IsEmpty)
            return null;
        var keys = TelegramChoiceKeys.For(reply);
        var buttons = reply.Choices.Select((choice, i) => InlineKeyboardButton.WithCallbackData(choice.Label, keys[i])).ToList();
        // Short labels (hours, scale points) sit three to a row; sentences get a row each.
        var perRow = reply.Choices.All(c => c.Label.Length <= 8) ? 3 : 1;
        return new InlineKeyboardMarkup(buttons.Chunk(perRow));
    }

    private static long ChatId(ChannelUser to) => long.Parse(to.Address, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram asked to slow down; every send pauses {Seconds} s")]
    private static partial void LogThrottled(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "A Telegram chat is gone (blocked or deleted); {Accounts} account(s) marked unreachable")]
    private static partial void LogRecipientGone(ILogger logger, int accounts);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A button press could not be acknowledged: {Error}")]
    private static partial void LogPressNotAnswered(ILogger logger, string error);
}
