using System.Collections.Immutable;
using System.Data.Common;
using AsnBot.Broadcasts;
using AsnBot.Conversations.Actions;
using AsnBot.Conversations.Dialogs;
using AsnBot.Conversations.Engine;
using AsnBot.Knowledge.Conversations;
using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Profiles;
using AsnBot.Observability;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Conversations;

/// <summary>What a turn produced for the channel to send back.</summary>
public sealed record TurnResult(IReadOnlyList<Reply> Replies, bool WasDuplicate = false, bool Failed = false)
{
    /// <summary>The option a <see cref="ButtonPress"/> stood for, when it was one of the question the person waits on.</summary>
    public ReplyChoice? Pressed { get; init; }

    /// <summary>A <see cref="ButtonPress"/> on no question the person waits on: nothing was written.</summary>
    public bool WasStalePress { get; init; }
}

/// <summary>
/// Loads a conversation, runs the engine (and the actions it asks for), and saves the new
/// state, the person's data and the inbound receipt in one transaction. Channels call this
/// and render what comes back; nothing here knows which channel it is.
/// </summary>
public sealed partial class ConversationService(
    IServiceScopeFactory scopes,
    DialogSet dialogs,
    FloodGuard flood,
    BotMetrics metrics,
    TurnGate gate,
    TurnStore store,
    FreeTextRouter router,
    DialogActionCatalog actions,
    TimeProvider time,
    ILogger<ConversationService> logger)
{
    private const int MaxAttempts = 5;

    public async Task<TurnResult> HandleAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var started = BotMetrics.Now();
        var (result, outcome) = await HandleCountedAsync(message, cancellationToken).ConfigureAwait(false);
        metrics.TurnHandled(message.From.Channel, outcome, result.Replies.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        return result;
    }

    private async Task<(TurnResult Result, string Outcome)> HandleCountedAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        switch (flood.Check(message.From))
        {
            case FloodVerdict.WarnOnce:
                LogFlood(logger, message.From.Channel);
                return (new TurnResult([new Reply(dialogs.Texts["flood.slow_down"])]), "flood");
            case FloodVerdict.Drop:
                return (new TurnResult([]), "flood");
        }
        if (BroadcastMessage.TryParseButton(message.ChoiceValue, out var broadcastId, out var button))
            return (await RecordBroadcastButtonAsync(message.From, broadcastId, button, cancellationToken).ConfigureAwait(false), "broadcast-button");
        TurnInput input = message.ChoiceValue is { } value ? new UserChoice(value) : new UserText(message.Text ?? string.Empty);
        var result = await RunAsync(message.From, input, message.Press, message.ExternalId, cancellationToken).ConfigureAwait(false);
        return (result, result.WasDuplicate ? "duplicate" : result.WasStalePress ? "stale-button" : result.Failed ? "failed" : "handled");
    }

    /// <summary>Starts a dialog for the person now, or queues it behind the one they are in.</summary>
    public Task<TurnResult> StartDialogAsync(ChannelUser user, string dialogId, CancellationToken cancellationToken) =>
        StartDialogAsync(user, dialogId, externalId: null, cancellationToken);

    /// <summary>
    /// As <see cref="StartDialogAsync(ChannelUser, string, CancellationToken)"/>, once per
    /// <paramref name="externalId"/>: asked again with the same one (a send that failed after the
    /// dialog started), it changes nothing and answers <see cref="TurnResult.WasDuplicate"/>.
    /// </summary>
    public Task<TurnResult> StartDialogAsync(ChannelUser user, string dialogId, string? externalId, CancellationToken cancellationToken) =>
        RunAsync(user, new QueueDialog(dialogId), null, externalId, cancellationToken);

    /// <summary>
    /// The question the person is waiting on, with its choices as last shown, or null when none
    /// waits for an answer. Channels resolve a button press against it, so a press on an older
    /// question is recognised as such.
    /// </summary>
    public async Task<Reply?> CurrentPromptAsync(ChannelUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AsnBotDbContext>();
        var json = await TurnQueries.ConversationJsonAsync(db, user, cancellationToken).ConfigureAwait(false);
        return json is null ? null : WaitingPrompt(ConversationStateJson.Read(json));
    }

    private Reply? WaitingPrompt(ConversationState state) =>
        state.Active is { } frame && dialogs.Contains(frame.DialogId) && dialogs.Get(frame.DialogId).Find(frame.StepId) is { WaitsForInput: true }
            ? DialogEngine.Prompt(dialogs, frame)
            : null;

    /// <summary>A broadcast's button answers the broadcast, so the dialog the person is in is left as it is.</summary>
    private async Task<TurnResult> RecordBroadcastButtonAsync(ChannelUser user, long broadcastId, int button, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AsnBotDbContext>();
        var recorded = await BroadcastButtons.RecordAsync(db, user, broadcastId, button, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return new TurnResult([new Reply(dialogs.Texts[recorded ? "broadcast.acknowledged" : "broadcast.unknown"])]);
    }

    private async Task<TurnResult> RunAsync(ChannelUser user, TurnInput input, ButtonPress? press, string? externalId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RunOnceAsync(user, input, press, externalId, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (attempt < MaxAttempts && IsRetryable(e))
            {
                LogRetry(logger, user.Channel, attempt);
                // What was kept of the person's last turn may be what went stale: the next attempt reads.
                store.Forget(user);
                await Task.Delay(TimeSpan.FromMilliseconds(5 * attempt * Random.Shared.Next(1, 5)), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogTurnFailed(logger, e, user.Channel);
                return new TurnResult([new Reply(dialogs.Texts["error.apology"])], Failed: true);
            }
        }
    }

    /// <summary>
    /// One attempt at a turn. It first reads and runs the engine outside any transaction: most
    /// turns run no action, or only actions that read (<see cref="IDialogAction.ReadsOnly"/>), and
    /// then all they write is the receipt and the new state, over the version they read, which
    /// <see cref="TurnStore"/> commits together with other turns' on SQLite. Only a turn that runs
    /// a writing action takes the writer for all of its work (<see cref="RunWithActionsAsync"/>).
    /// A <paramref name="press"/> stands in for <paramref name="input"/>: it is resolved against
    /// the state read, and one that belongs to no waiting question writes nothing, not even its receipt:
    /// so when the state came from memory, the press is tried once more on a fresh read first.
    /// </summary>
    private async Task<TurnResult> RunOnceAsync(ChannelUser user, TurnInput input, ButtonPress? press, string? externalId, CancellationToken cancellationToken)
    {
        await using var scope = new TurnScope(scopes);
        var now = time.GetUtcNow();
        var read = await store.ReadAsync(scope, user, cancellationToken).ConfigureAwait(false);
        var planned = Plan(read.Conversation, read.PersonId, input, press, now);
        if (planned is null && read.IsRemembered)
        {
            read = await store.ReadFreshAsync(scope, user, cancellationToken).ConfigureAwait(false);
            planned = Plan(read.Conversation, read.PersonId, input, press, now);
        }
        var (record, personId) = read;
        if (planned is null)
        {
            return externalId is not null && await store.ReceiptExistsAsync(scope, user.Channel, externalId, cancellationToken).ConfigureAwait(false)
                ? new TurnResult([], WasDuplicate: true)
                : new TurnResult([]) { WasStalePress = true };
        }
        var (turn, pressed) = planned.Value;
        var replies = ImmutableList.CreateBuilder<Reply>();
        replies.AddRange(turn.Replies);
        (turn, _) = await RunActionsAsync(scope, underWriter: false, user, personId, turn, replies, now, cancellationToken).ConfigureAwait(false);
        if (turn.Action is not null)
            return await RunWithActionsAsync(scope, user, externalId, record, personId, turn, pressed, replies, now, cancellationToken).ConfigureAwait(false);

        var json = StateToKeep(turn.State, personId);
        var outcome = await store.CommitAsync(scope, new TurnWrite(user, externalId, record, personId, json, now), cancellationToken).ConfigureAwait(false);
        return outcome switch
        {
            TurnWriteOutcome.Duplicate => new TurnResult([], WasDuplicate: true),
            TurnWriteOutcome.Conflict => throw new DbUpdateConcurrencyException("The conversation was written by another turn since it was read."),
            _ => new TurnResult(replies.ToImmutable()) { Pressed = pressed },
        };
    }

    /// <summary>The engine's first step from what was read, with the option pressed; null for a press on no waiting question.</summary>
    private (Turn Turn, ReplyChoice? Pressed)? Plan(ConversationRecord? record, Guid? personId, TurnInput input, ButtonPress? press, DateTimeOffset now)
    {
        var state = record is null ? ConversationState.Idle : ConversationStateJson.Read(record.StateJson);
        ReplyChoice? pressed = null;
        if (press is not null)
        {
            if (WaitingPrompt(state) is not { } prompt || press.Resolve(press.Key, prompt) is not { } choice)
                return null;
            pressed = choice;
            input = new UserChoice(choice.Value);
        }
        var registered = personId is not null;
        return (DialogEngine.Next(dialogs, state, router.Route(state, input, registered, now), new TurnContext(now, registered)), pressed);
    }

    /// <summary>
    /// A turn that reached a writing action: it goes on from there in one transaction, holding the
    /// writer on SQLite, since actions read and write what they like. The receipt goes first, so a
    /// redelivery stops there. What came before (the read, the engine's steps, the actions that
    /// only read) is not done again under the writer: the state is written over the version that
    /// was read, and only while the address is still the person's, so if anybody wrote since,
    /// nothing the actions did is kept and the turn runs again on a fresh read.
    /// </summary>
    private async Task<TurnResult> RunWithActionsAsync(
        TurnScope scope, ChannelUser user, string? externalId, ConversationRecord? read, Guid? personId, Turn turn, ReplyChoice? pressed,
        ImmutableList<Reply>.Builder replies, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Opening runs the connection pragmas; done before queueing so only the turn itself is serialised.
        var db = await scope.DbAsync(cancellationToken).ConfigureAwait(false);
        var statements = await scope.StatementsAsync(cancellationToken).ConfigureAwait(false);
        using var writer = await gate.EnterAsync(WriterHolders.Actions, cancellationToken).ConfigureAwait(false);
        // A plain transaction, which EF Core is told of only when actions run (their queries and
        // SaveChanges go through it): EF's own begin and commit cost its diagnostics twice over
        // (measured by the telegram-webhook bench).
        await using var transaction = await statements.Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (externalId is not null && !await statements.TryRecordReceiptAsync(transaction, user.Channel, externalId, now, cancellationToken).ConfigureAwait(false))
            return new TurnResult([], WasDuplicate: true);

        await db.Database.UseTransactionAsync(transaction, cancellationToken).ConfigureAwait(false);
        // A failed turn rolls its whole transaction back, so a savepoint around SaveChanges
        // (EF's default inside a transaction of the caller's) would be two statements for nothing.
        db.Database.AutoSavepointsEnabled = false;
        var readFor = personId;
        (turn, personId) = await RunActionsAsync(scope, underWriter: true, user, personId, turn, replies, now, cancellationToken).ConfigureAwait(false);

        // What the actions changed goes first: the conversation row refers to the person they may have added.
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var erased = readFor is not null && personId is null;
        var written = await WriteStateAsync(db, statements, transaction, user, read, turn.State, personId, erased, now, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        store.Remember(user, written, personId);
        return new TurnResult(replies.ToImmutable()) { Pressed = pressed };
    }

    /// <summary>
    /// Runs the actions the engine asks for, one after another, collecting their replies; the
    /// person may change (registering, erasing). Before the turn holds the writer
    /// (<paramref name="underWriter"/> false) only actions that read run: it stops at the first
    /// one that writes, which is then the turn's pending action.
    /// </summary>
    private async Task<(Turn Turn, Guid? PersonId)> RunActionsAsync(
        TurnScope scope, bool underWriter, ChannelUser user, Guid? personId, Turn turn,
        ImmutableList<Reply>.Builder replies, DateTimeOffset now, CancellationToken cancellationToken)
    {
        while (turn.Action is { } pending)
        {
            var action = actions.Create(pending.Name, scope.Services);
            if (!underWriter && !action.ReadsOnly)
                break;
            var context = new ActionContext(user, personId, pending, scope.Db, dialogs, now);
            var outcome = await action.RunAsync(context, cancellationToken).ConfigureAwait(false);
            if (!underWriter && scope.HasChanges)
                throw new InvalidOperationException($"The action '{pending.Name}' says it only reads, yet left changes to save.");
            personId = context.PersonId;
            turn = DialogEngine.Next(dialogs, turn.State, new ActionCompleted(outcome), new TurnContext(now, personId is not null));
            replies.AddRange(turn.Replies);
        }
        return (turn, personId);
    }

    /// <summary>
    /// Writes the new state in the turn's transaction. The write carries the Version that was
    /// read, so if anybody else wrote since, nothing is written and the turn runs again on fresh
    /// state. Someone who never registered and is not mid-dialog leaves no row at all. When the
    /// actions erased the person's data (<paramref name="erased"/>), a row that is gone was
    /// deleted by them in this very transaction, which is no conflict: the state is then written
    /// afresh. That is asked only when the write missed, so a turn whose write lands reads nothing
    /// more. Gives back the row as written, null when none is kept.
    /// </summary>
    private static async Task<ConversationRecord?> WriteStateAsync(AsnBotDbContext db, TurnStatements statements, DbTransaction transaction, ChannelUser user, ConversationRecord? read, ConversationState state, Guid? personId, bool erased, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var json = StateToKeep(state, personId);
        if (read is not null)
        {
            if (json is null)
            {
                if (await statements.TryDeleteAsync(transaction, read, cancellationToken).ConfigureAwait(false))
                    return null;
            }
            else if (await statements.TryUpdateAsync(transaction, read, personId, json, now, cancellationToken).ConfigureAwait(false) is { } updated)
            {
                return updated;
            }
            if (!erased || await TurnQueries.ConversationExistsAsync(db, read.Id, cancellationToken).ConfigureAwait(false))
                throw new DbUpdateConcurrencyException("The conversation was written by another turn since it was read.");
        }
        if (json is null)
            return null;
        return await statements.TryInsertAsync(transaction, user, personId, json, now, cancellationToken).ConfigureAwait(false)
            ?? throw new DbUpdateConcurrencyException("Another turn wrote this conversation's first state since it was read.");
    }

    /// <summary>The state's text to save, or null: someone who never registered and is not mid-dialog leaves no row at all.</summary>
    private static string? StateToKeep(ConversationState state, Guid? personId) =>
        state.IsIdle && personId is null ? null : ConversationStateJson.Write(state);

    /// <summary>
    /// Another turn of the same person won the race (or the same update arrived twice), or
    /// SQLite was busy: run the turn again on fresh state, where a redelivery is then seen as one.
    /// </summary>
    private static bool IsRetryable(Exception e) => e switch
    {
        DbUpdateConcurrencyException => true,
        DbUpdateException { InnerException: DbException inner } => IsBusyOrConflict(inner),
        DbException db => IsBusyOrConflict(db),
        _ => false,
    };

    private static bool IsBusyOrConflict(DbException e) =>
        e.Message.Contains("locked", StringComparison.OrdinalIgnoreCase)
        || e.Message.Contains("busy", StringComparison.OrdinalIgnoreCase)
        || e.Message.Contains("UNIQUE constraint failed", StringComparison.Ordinal)
        || e.Message.Contains("FOREIGN KEY constraint failed", StringComparison.Ordinal)
        || e.Message.Contains("violates foreign key constraint", StringComparison.Ordinal)
        || e.Message.Contains("duplicate key", StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Turn on {Channel} conflicted (attempt {Attempt}); retrying")]
    private static partial void LogRetry(ILogger logger, string channel, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A person on {Channel} is sending too fast; further messages in this window are dropped")]
    private static partial void LogFlood(ILogger logger, string channel);

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn on {Channel} failed; the person got an apology")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, string channel);
}
