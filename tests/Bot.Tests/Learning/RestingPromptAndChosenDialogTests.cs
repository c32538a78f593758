using System.Collections.Immutable;
using AsnBot.Bot.Tests.Support;
using AsnBot.Conversations.Engine;

namespace AsnBot.Bot.Tests.Learning;

/// <summary>The two engine rules daily learning relies on, as pure functions.</summary>
public sealed class RestingPromptAndChosenDialogTests
{
    private static readonly TurnContext Registered = new(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero), IsRegistered: true);

    private const string Home = """
        id: home
        title: Beranda
        steps:
          - id: pick
            kind: choice
            resting: true
            text: "Mau apa?"
            options:
              - { label: "A", value: a }
        """;

    private const string Survey = """
        id: survey
        title: Survei
        steps:
          - id: q
            kind: choice
            text: "Warna?"
            options:
              - { label: "Merah", value: red }
        """;

    private const string Lesson = """
        id: lesson
        title: Pelajaran
        steps:
          - { id: read, kind: end, text: "Pelajaran hari ini untuk {name}" }
        """;

    private const string Chooser = """
        id: chooser
        title: Pemilih
        steps:
          - { id: pick, kind: action, action: choose }
          - { id: never, kind: end, text: "tidak sampai di sini" }
        """;

    [Fact]
    public void A_dialog_the_system_starts_replaces_a_resting_prompt_but_waits_behind_a_real_question()
    {
        var dialogs = TestDialogs.From(Home, Survey, Lesson);
        var resting = DialogEngine.Next(dialogs, ConversationState.Idle, new QueueDialog("home"), Registered);
        var replaced = DialogEngine.Next(dialogs, resting.State, new QueueDialog("lesson"), Registered);
        Assert.Equal(["Pelajaran hari ini untuk -"], replaced.Replies.Select(r => r.Text));
        Assert.True(replaced.State.IsIdle);

        var asking = DialogEngine.Next(dialogs, ConversationState.Idle, new QueueDialog("survey"), Registered);
        var waiting = DialogEngine.Next(dialogs, asking.State, new QueueDialog("lesson"), Registered);
        Assert.Empty(waiting.Replies);
        Assert.Equal(["lesson"], waiting.State.Queue);
    }

    [Fact]
    public void An_action_can_open_a_dialog_it_chose_with_answers_already_set()
    {
        var dialogs = TestDialogs.From(Chooser, Lesson);
        var asked = DialogEngine.Next(dialogs, ConversationState.Idle, new QueueDialog("chooser"), Registered);
        Assert.Equal("choose", asked.Action!.Name);
        var outcome = new ActionOutcome
        {
            Replies = [new Reply("Materi 1")],
            StartDialog = "lesson",
            Answers = ImmutableDictionary<string, string>.Empty.Add("name", "Maria"),
        };
        var opened = DialogEngine.Next(dialogs, asked.State, new ActionCompleted(outcome), Registered);
        Assert.Equal(["Materi 1", "Pelajaran hari ini untuk Maria"], opened.Replies.Select(r => r.Text));
        Assert.True(opened.State.IsIdle);
    }
}
