using AsnBot.Bot.Tests.Delivery;
using AsnBot.Conversations;
using AsnBot.Knowledge.Enrollments;
using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Profiles;
using AsnBot.Scheduler.DueWork;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsnBot.Bot.Tests.Evaluation;

/// <summary>An outbox row as the timelines assert it: to whom, what, and at which local wall-clock time.</summary>
public sealed record PlannedMessage(string To, string What, string LocalTime);

/// <summary>Drives the evaluation and mentoring due work on an <see cref="OutboxFixture"/> and talks to the bot as the people.</summary>
internal static class EvaluationTestKit
{
    public static async Task<int> RunDueWorkAsync(this OutboxFixture bot, string name)
    {
        var work = bot.App.Services.GetServices<IDueWork>().Single(w => w.Name == name);
        return await work.EnqueueDueAsync(bot.Time.GetUtcNow(), CancellationToken.None);
    }

    public static async Task<TurnResult> SayAsync(this OutboxFixture bot, string address, string text)
    {
        var conversations = bot.App.Services.GetRequiredService<ConversationService>();
        return await conversations.HandleAsync(new IncomingMessage(new ChannelUser("test", address), text), CancellationToken.None);
    }

    public static async Task<TurnResult> StartAsync(this OutboxFixture bot, string address, string dialogId)
    {
        var conversations = bot.App.Services.GetRequiredService<ConversationService>();
        return await conversations.StartDialogAsync(new ChannelUser("test", address), dialogId, CancellationToken.None);
    }

    public static Task<string> NipAsync(this OutboxFixture bot, Guid person) =>
        bot.App.QueryAsync(db => db.Set<Person>().Where(p => p.Id == person).Select(p => p.Nip).FirstAsync());

    public static async Task<Guid> EnrolAsync(this OutboxFixture bot, Guid person, string trainingCode, EnrollmentStatus status, DateTimeOffset? completedAt = null)
    {
        var enrollment = new Enrollment
        {
            PersonId = person, TrainingCode = trainingCode, Status = status, CreatedAt = bot.Time.GetUtcNow(), UpdatedAt = bot.Time.GetUtcNow(), CompletedAt = completedAt,
        };
        await bot.App.QueryAsync(db =>
        {
            db.Add(enrollment);
            return db.SaveChangesAsync();
        });
        return enrollment.Id;
    }

    public static Task<int> CompleteAsync(this OutboxFixture bot, Guid enrollment, DateTimeOffset completedAt) =>
        bot.App.QueryAsync(db => db.Set<Enrollment>().Where(e => e.Id == enrollment).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Status, EnrollmentStatus.Completed)
            .SetProperty(e => e.CompletedAt, completedAt)
            .SetProperty(e => e.UpdatedAt, completedAt)));

    /// <summary>Every outbox row so far, in order, named by its recipient's address, its dedupe key's tail and dialog or text key, at their local time.</summary>
    public static async Task<List<PlannedMessage>> PlannedAsync(this OutboxFixture bot) =>
        [.. (await bot.DescribeRowsAsync(r => r.NotBefore)).Select(m => m.Message)];

    /// <summary>Every outbox row sent so far, in order of sending, at the local time the dispatcher sent it.</summary>
    public static async Task<List<PlannedMessage>> SentAsync(this OutboxFixture bot) =>
        [.. (await bot.DescribeRowsAsync(r => r.SentAt ?? throw new InvalidOperationException($"Row {r.Id} ({r.DedupeKey}) was never sent: {r.Status}.")))
            .OrderBy(m => m.At).Select(m => m.Message)];

    private static async Task<List<(DateTimeOffset At, PlannedMessage Message)>> DescribeRowsAsync(this OutboxFixture bot, Func<OutboxMessage, DateTimeOffset> at)
    {
        var rows = await bot.RowsAsync();
        var people = await bot.App.QueryAsync(db => db.Set<Person>().AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.TimeZone));
        return [.. rows.Select(r =>
        {
            var zone = people[r.PersonId];
            var payload = OutboxPayload.FromJson(r.PayloadJson);
            var tail = r.DedupeKey[(r.DedupeKey.LastIndexOf(':') + 1)..];
            var local = zone.ToLocal(at(r));
            return (at(r), new PlannedMessage(r.Address, $"{tail} {payload.DialogId ?? payload.TextKey}",
                local.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " " + zone));
        })];
    }

    /// <summary>Sends what is due now through the real dispatcher to the scripted channel; returns the texts sent to <paramref name="address"/>.</summary>
    public static async Task<List<string>> DeliverAsync(this OutboxFixture bot, string address)
    {
        var before = bot.Sender.Sent.Count;
        await bot.Dispatcher.DispatchOnceAsync(CancellationToken.None);
        return [.. bot.Sender.Sent.Skip(before).Where(s => s.To.Address == address).Select(s => s.Reply.Text)];
    }
}
