using AsnBot.Bot.Tests.Delivery;
using AsnBot.Conversations;
using AsnBot.Conversations.Dialogs;
using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Profiles;
using AsnBot.Scheduler.DueWork;
using AsnBot.Scheduler.Learning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsnBot.Bot.Tests.Learning;

/// <summary>People on the scripted test channel talking to the real bot, with the clock in the test's hand.</summary>
internal sealed class LearningTestKit(OutboxFixture bot)
{
    public OutboxFixture Bot { get; } = bot;

    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

    public async Task<Guid> AddPersonAsync(string address, IndonesianTimeZone zone, int lessonHour, string province)
    {
        var id = await Bot.AddPersonAsync(address, zone: zone, province: province);
        await Bot.App.QueryAsync(db => db.Set<Person>().Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.LessonHour, lessonHour)));
        return id;
    }

    public async Task<string> SayAsync(string address, string text) =>
        Join(await Conversations.HandleAsync(new IncomingMessage(new ChannelUser("test", address), text), CancellationToken.None));

    public async Task<string> PressAsync(string address, string value) =>
        Join(await Conversations.HandleAsync(new IncomingMessage(new ChannelUser("test", address), null, value), CancellationToken.None));

    /// <summary>Answers the quiz question the person is on, right or wrong; returns the turn's texts.</summary>
    public async Task<string> AnswerQuizAsync(string address, bool correctly)
    {
        var prompt = await Conversations.CurrentPromptAsync(new ChannelUser("test", address), CancellationToken.None)
            ?? throw new InvalidOperationException($"{address} is not waiting on a question.");
        var step = Dialogs.Dialogs.Values.SelectMany(d => d.Steps).First(s => s.Kind == StepKind.Quiz && s.Text == prompt.Text);
        var value = correctly ? step.Correct! : step.Options.First(o => o.Value != step.Correct).Value;
        return await PressAsync(address, value);
    }

    /// <summary>Answers every quiz question of the lesson in front of the person until its closing prompt.</summary>
    public async Task<string> FinishLessonAsync(string address, bool correctly = true)
    {
        var texts = new List<string>();
        while (await IsOnQuizAsync(address))
            texts.Add(await AnswerQuizAsync(address, correctly));
        return string.Join("\n", texts);
    }

    /// <summary>The question the person is waiting on, or null.</summary>
    public Task<AsnBot.Conversations.Engine.Reply?> PromptAsync(string address) =>
        Conversations.CurrentPromptAsync(new ChannelUser("test", address), CancellationToken.None);

    public async Task<bool> IsOnQuizAsync(string address)
    {
        var prompt = await Conversations.CurrentPromptAsync(new ChannelUser("test", address), CancellationToken.None);
        return prompt is not null && Dialogs.Dialogs.Values.SelectMany(d => d.Steps).Any(s => s.Kind == StepKind.Quiz && s.Text == prompt.Text);
    }

    public Task<int> RunDueWorkAsync<TWork>() where TWork : IDueWork =>
        Bot.App.Services.GetServices<IDueWork>().OfType<TWork>().Single().EnqueueDueAsync(Bot.Time.GetUtcNow(), CancellationToken.None);

    public Task<int> RunDailyLessonsAsync() => RunDueWorkAsync<DailyLessons>();

    /// <summary>Sends what is due now; returns, per address, the texts sent since the last call.</summary>
    public async Task<string> DispatchAndReadAsync(string address)
    {
        await Bot.Dispatcher.DispatchOnceAsync(CancellationToken.None);
        var all = Bot.Sender.Sent.Where(s => s.To.Address == address).Select(s => s.Reply.Text).ToList();
        var from = _seen.GetValueOrDefault(address);
        _seen[address] = all.Count;
        return string.Join("\n", all.Skip(from));
    }

    public Task<List<OutboxMessage>> RowsForAsync(Guid personId) =>
        Bot.App.QueryAsync(db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.PersonId == personId).OrderBy(m => m.Id).ToListAsync());

    public DialogSet Dialogs => Bot.App.Services.GetRequiredService<DialogSet>();

    public string Title(string dialogId) => Dialogs.Get(dialogId).Title;

    private ConversationService Conversations => Bot.App.Services.GetRequiredService<ConversationService>();

    private static string Join(TurnResult result) => string.Join("\n", result.Replies.Select(r => r.Text));
}
