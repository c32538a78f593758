using AsnBot.Knowledge.Conversations;
using AsnBot.Knowledge.Persistence;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace AsnBot.Channels.Telegram;

/// <summary>
/// Long polling (the default mode): asks for updates after the last one handled, handles them
/// one by one in order, and remembers the last update_id in the database, so a restart neither
/// replays nor skips. Network errors back off, doubling up to half a minute.
/// </summary>
public sealed partial class TelegramPolling(
    TelegramBot bot,
    TelegramUpdates updates,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<TelegramPolling> logger) : BackgroundService
{
    public static readonly UpdateType[] AllowedUpdates = [UpdateType.Message, UpdateType.CallbackQuery];
    private const int LongPollSeconds = 25;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!bot.IsEnabled || bot.Options.Mode != TelegramMode.Polling)
            return;
        var cursor = $"telegram:{bot.Client.BotId}";
        int? offset = null;
        var webhookRemoved = false;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // getUpdates answers 409 while a webhook is set, e.g. after switching modes.
                if (!webhookRemoved)
                {
                    await bot.Client.DeleteWebhook(dropPendingUpdates: false, stoppingToken).ConfigureAwait(false);
                    webhookRemoved = true;
                }
                offset ??= await LoadOffsetAsync(cursor, stoppingToken).ConfigureAwait(false);
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                deadline.CancelAfter(TimeSpan.FromSeconds(LongPollSeconds + 15));
                var batch = await bot.Client.GetUpdates(offset, limit: 100, timeout: LongPollSeconds, AllowedUpdates, deadline.Token).ConfigureAwait(false);
                failures = 0;
                foreach (var update in batch)
                {
                    await HandleAsync(update, stoppingToken).ConfigureAwait(false);
                    offset = update.Id + 1;
                    await SaveOffsetAsync(cursor, update.Id, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (ApiRequestException e) when (e.ErrorCode == 429)
            {
                await Task.Delay(TimeSpan.FromSeconds(e.Parameters?.RetryAfter ?? 1), time, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                failures++;
                var wait = Backoff(failures);
                LogPollFailed(logger, e, wait.TotalSeconds);
                await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>One update's failure is logged and passed over: a poison update must not stop the bot.</summary>
    private async Task HandleAsync(global::Telegram.Bot.Types.Update update, CancellationToken stoppingToken)
    {
        try
        {
            await updates.HandleAsync(update, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            LogUpdateFailed(logger, e, update.Id);
        }
    }

    private static TimeSpan Backoff(int failures)
    {
        var seconds = Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, failures - 1));
        return TimeSpan.FromSeconds(seconds * (0.75 + (Random.Shared.NextDouble() / 2)));
    }

    private async Task<int?> LoadOffsetAsync(string source, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AsnBotDbContext>();
        var last = await db.Set<InboundCursor>().Where(c => c.Source == source).Select(c => (long?)c.Position)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return last is { } position ? checked((int)position + 1) : null;
    }

    private async Task SaveOffsetAsync(string source, int lastHandled, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AsnBotDbContext>();
        var now = time.GetUtcNow();
        var updated = await db.Set<InboundCursor>().Where(c => c.Source == source)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Position, lastHandled).SetProperty(c => c.UpdatedAt, now), cancellationToken).ConfigureAwait(false);
        if (updated == 0)
        {
            db.Add(new InboundCursor { Source = source, Position = lastHandled, UpdatedAt = now });
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling Telegram failed; trying again in {Seconds:0.0} s")]
    private static partial void LogPollFailed(ILogger logger, Exception exception, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram update {UpdateId} could not be handled; moving on")]
    private static partial void LogUpdateFailed(ILogger logger, Exception exception, int updateId);
}
