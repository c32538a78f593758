using AsnBot.Bot.Tests.Support;
using AsnBot.Conversations.Dialogs;
using AsnBot.Conversations.Engine;

namespace AsnBot.Bot.Tests.Conversations;

/// <summary>The engine as a pure function: no database, no host, no mocks.</summary>
public sealed class DialogEngineTests
{
    private static readonly TurnContext Registered = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero), IsRegistered: true);

    private const string Survey = """
        id: survey
        title: Survei
        steps:
          - { id: hello, kind: message, text: "Halo!" }
          - id: color
            kind: choice
            text: "Warna favorit?"
            options:
              - { label: "Merah", value: red }
              - { label: "Biru", value: blue, next: sky }
          - { id: after-red, kind: end, text: "Merah dipilih" }
          - { id: sky, kind: end, text: "Langit {color}" }
        """;

    private static Turn Start(DialogSet dialogs, string id) => DialogEngine.Next(dialogs, ConversationState.Idle, new QueueDialog(id), Registered);

    private static Turn Say(DialogSet dialogs, Turn turn, string text) => DialogEngine.Next(dialogs, turn.State, new UserText(text), Registered);

    private static Turn Press(DialogSet dialogs, Turn turn, string value) => DialogEngine.Next(dialogs, turn.State, new UserChoice(value), Registered);

    [Fact]
    public void Message_steps_run_on_until_a_question_with_its_buttons()
    {
        var dialogs = TestDialogs.From(Survey);
        var turn = Start(dialogs, "survey");
        Assert.Equal(["Halo!", "Warna favorit?"], turn.Replies.Select(r => r.Text));
        Assert.Equal(["red", "blue"], turn.Replies[^1].Choices.Select(c => c.Value));
        Assert.Equal("color", turn.State.Active!.StepId);
    }

    [Theory]
    [InlineData("blue", true)]
    [InlineData("Biru", false)]
    [InlineData("  biru!! ", false)]
    [InlineData("2", false)]
    public void A_choice_is_taken_by_button_label_or_number(string input, bool isButton)
    {
        var dialogs = TestDialogs.From(Survey);
        var turn = Start(dialogs, "survey");
        turn = isButton ? Press(dialogs, turn, input) : Say(dialogs, turn, input);
        Assert.Equal("Langit Biru", turn.Replies.Single().Text);
        Assert.Null(turn.State.Active);
    }

    [Theory]
    [InlineData("hijau")]
    [InlineData("🙂🙂🙂")]
    [InlineData("7")]
    public void A_wrong_choice_re_prompts_with_a_hint_and_keeps_the_state(string input)
    {
        var dialogs = TestDialogs.From(Survey);
        var asked = Start(dialogs, "survey");
        var turn = Say(dialogs, asked, input);
        Assert.Same(asked.State, turn.State);
        Assert.Equal(TestDialogs.EngineTexts["invalid.choice"], turn.Replies[0].Text);
        Assert.Equal("Warna favorit?", turn.Replies[1].Text);
        Assert.Equal(2, turn.Replies[1].Choices.Count);
    }

    [Fact]
    public void A_five_thousand_character_message_is_refused_politely()
    {
        var dialogs = TestDialogs.From("""
            id: t
            title: t
            steps:
              - { id: name, kind: text, text: "Nama?", max_length: 120 }
            """);
        var asked = Start(dialogs, "t");
        var turn = Say(dialogs, asked, new string('a', 5000));
        Assert.Same(asked.State, turn.State);
        Assert.Contains("120", turn.Replies[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_checks_pattern_with_the_steps_own_hint_and_refuses_emoji_only()
    {
        var dialogs = TestDialogs.From("""
            id: t
            title: t
            steps:
              - { id: code, kind: text, text: "Kode?", pattern: "^[A-Z]{3}$", hint: "Tiga huruf besar." }
              - { id: done, kind: end, text: "Kode {code}" }
            """);
        var asked = Start(dialogs, "t");
        Assert.Equal("Tiga huruf besar.", Say(dialogs, asked, "ab1").Replies[0].Text);
        Assert.Equal("Tiga huruf besar.", Say(dialogs, asked, "😀😀").Replies[0].Text);
        Assert.Equal(TestDialogs.EngineTexts["invalid.empty"], Say(dialogs, asked, "   ").Replies[0].Text);
        Assert.Equal("Kode ABC", Say(dialogs, asked, "ABC").Replies.Single().Text);
    }

    [Theory]
    [InlineData("7", "7")]
    [InlineData("3,5", "3.5")]
    [InlineData("3.5", "3.5")]
    public void Number_accepts_values_in_range(string input, string stored)
    {
        var dialogs = TestDialogs.From(NumberDialog);
        var turn = Say(dialogs, Start(dialogs, "n"), input);
        Assert.Equal($"Jam {stored}", turn.Replies.Single().Text);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("11")]
    [InlineData("sepuluh")]
    [InlineData("99999999999999999999999999999999999")]
    public void Number_out_of_range_or_not_a_number_is_refused_with_the_range(string input)
    {
        var dialogs = TestDialogs.From(NumberDialog);
        var asked = Start(dialogs, "n");
        var turn = Say(dialogs, asked, input);
        Assert.Same(asked.State, turn.State);
        Assert.Equal("Mohon ketik angka dari 1 sampai 10.", turn.Replies[0].Text);
    }

    private const string NumberDialog = """
        id: n
        title: n
        steps:
          - { id: hours, kind: number, text: "Berapa jam?", min: 1, max: 10 }
          - { id: done, kind: end, text: "Jam {hours}" }
        """;

    [Fact]
    public void NIP_step_stores_the_digits_and_explains_an_impossible_date()
    {
        var dialogs = TestDialogs.From("""
            id: t
            title: t
            steps:
              - { id: nip, kind: nip, text: "NIP?" }
              - { id: done, kind: end, text: "NIP {nip}" }
            """);
        var asked = Start(dialogs, "t");
        var bad = Say(dialogs, asked, "198502302010011003");
        Assert.Same(asked.State, bad.State);
        Assert.Equal(TestDialogs.EngineTexts["invalid.nip.ImpossibleBirthDate"], bad.Replies[0].Text);
        Assert.Equal("NIP 198503122010011003", Say(dialogs, asked, "19850312.201001.1.003").Replies.Single().Text);
    }

    [Theory]
    [InlineData("17-08-2026", "2026-08-17")]
    [InlineData("17/8/2026", "2026-08-17")]
    [InlineData("2026-08-17", "2026-08-17")]
    public void Date_accepts_the_usual_Indonesian_formats(string input, string stored)
    {
        var dialogs = TestDialogs.From(DateDialog);
        var turn = Say(dialogs, Start(dialogs, "d"), input);
        Assert.Equal(stored, turn.State.Active is null ? stored : "not finished");
        Assert.Contains("Agustus 2026", turn.Replies.Single().Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Date_outside_its_bounds_or_unreadable_is_refused()
    {
        var dialogs = TestDialogs.From(DateDialog);
        var asked = Start(dialogs, "d");
        Assert.Equal(TestDialogs.EngineTexts["invalid.date_range"], Say(dialogs, asked, "01-01-2030").Replies[0].Text);
        Assert.Equal(TestDialogs.EngineTexts["invalid.date"], Say(dialogs, asked, "kemarin").Replies[0].Text);
    }

    private const string DateDialog = """
        id: d
        title: d
        steps:
          - { id: when, kind: date, text: "Kapan?", min: "2026-01-01", max: today }
          - { id: done, kind: end, text: "Tanggal {when}" }
        """;

    [Fact]
    public void Likert_takes_a_number_a_label_or_not_observed_and_refuses_the_rest()
    {
        var dialogs = TestDialogs.From("""
            id: l
            title: l
            steps:
              - id: rate
                kind: likert
                text: "Penguasaan materi?"
                scale: [Sangat Tidak Baik, Tidak Baik, Cukup, Baik, Sangat Baik]
                na: Tidak Terlihat
              - { id: done, kind: end, text: "Nilai {rate}" }
            """);
        var asked = Start(dialogs, "l");
        Assert.Equal(6, asked.Replies.Single().Choices.Count);
        Assert.Equal("Nilai Baik", Say(dialogs, asked, "4").Replies.Single().Text);
        Assert.Equal("Nilai Sangat Baik", Say(dialogs, asked, "sangat baik").Replies.Single().Text);
        Assert.Equal("Nilai Tidak Terlihat", Press(dialogs, asked, "0").Replies.Single().Text);
        foreach (var bad in new[] { "6", "-1", "baik sekali", "4.5", "" })
        {
            var turn = Say(dialogs, asked, bad);
            Assert.Same(asked.State, turn.State);
            Assert.StartsWith("Mohon jawab dengan angka 1 sampai 5", turn.Replies[0].Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Multi_collects_several_choices_until_done()
    {
        var dialogs = TestDialogs.From("""
            id: m
            title: m
            steps:
              - id: modes
                kind: multi
                text: "Cara belajar?"
                min: 1
                options:
                  - { label: Klasikal, value: klasikal }
                  - { label: Daring, value: daring }
                  - { label: Blended, value: blended }
              - { id: done, kind: end, text: "Dipilih {modes}" }
            """);
        var asked = Start(dialogs, "m");
        Assert.DoesNotContain(asked.Replies.Single().Choices, c => c.Value == AnswerReader.DoneValue);
        Assert.Equal(TestDialogs.EngineTexts["invalid.multi"].Replace("{min}", "1", StringComparison.Ordinal), Press(dialogs, asked, AnswerReader.DoneValue).Replies[0].Text);
        var one = Press(dialogs, asked, "daring");
        Assert.Contains(one.Replies[^1].Choices, c => c.Label == "✓ Daring");
        var two = Say(dialogs, one, "klasikal");
        var done = Press(dialogs, two, AnswerReader.DoneValue);
        Assert.Equal("Dipilih Klasikal, Daring", done.Replies.Single().Text);
    }

    [Fact]
    public void Quiz_gives_feedback_with_the_explanation_and_records_correctness()
    {
        var dialogs = TestDialogs.From("""
            id: q
            title: q
            steps:
              - id: q1
                kind: quiz
                text: "Minimal JP setahun?"
                options:
                  - { label: "10 JP", value: a }
                  - { label: "20 JP", value: b }
                correct: b
                explanation: "PP 17/2020: paling sedikit 20 JP."
              - { id: done, kind: end, text: "Selesai" }
            """);
        var asked = Start(dialogs, "q");
        var wrong = Press(dialogs, asked, "a");
        Assert.Equal(TestDialogs.EngineTexts["quiz.wrong"] + "\nPP 17/2020: paling sedikit 20 JP.", wrong.Replies[0].Text);
        var right = Say(dialogs, asked, "20 JP");
        Assert.StartsWith(TestDialogs.EngineTexts["quiz.correct"], right.Replies[0].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5", "Tinggi")]
    [InlineData("2", "Rendah")]
    public void Branch_follows_the_first_condition_that_holds(string rating, string expected)
    {
        var dialogs = TestDialogs.From("""
            id: b
            title: b
            steps:
              - { id: rate, kind: number, text: "Nilai?", min: 1, max: 5 }
              - id: route
                kind: branch
                cases:
                  - { when: "rate >= 4", next: high }
                else: low
              - { id: high, kind: end, text: "Tinggi" }
              - { id: low, kind: end, text: "Rendah" }
            """);
        Assert.Equal(expected, Say(dialogs, Start(dialogs, "b"), rating).Replies.Single().Text);
    }

    [Fact]
    public void Action_step_asks_the_caller_and_continues_with_its_outcome()
    {
        var dialogs = TestDialogs.From("""
            id: a
            title: a
            steps:
              - { id: ask, kind: text, text: "Nama?" }
              - { id: work, kind: action, action: greet, args: { style: formal } }
              - { id: done, kind: end, text: "{greeting}" }
            """);
        var pending = Say(dialogs, Start(dialogs, "a"), "Budi");
        Assert.NotNull(pending.Action);
        Assert.Equal("greet", pending.Action.Name);
        Assert.Equal("formal", pending.Action.Args["style"]);
        Assert.Equal("Budi", pending.Action.Answers["ask"]);
        var outcome = new ActionOutcome { Answers = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("greeting", "Selamat pagi, Budi") };
        var done = DialogEngine.Next(dialogs, pending.State, new ActionCompleted(outcome), Registered);
        Assert.Equal("Selamat pagi, Budi", done.Replies.Single().Text);
    }

    [Fact]
    public void Goto_can_jump_within_a_dialog_or_into_another()
    {
        var dialogs = TestDialogs.From(
            """
            id: first
            title: first
            steps:
              - { id: skip, kind: goto, next: there }
              - { id: never, kind: message, text: "tidak pernah" }
              - { id: there, kind: message, text: "di sini" }
              - { id: away, kind: goto, dialog: second }
            """,
            """
            id: second
            title: second
            steps:
              - { id: hello, kind: end, text: "dialog kedua" }
            """);
        Assert.Equal(["di sini", "dialog kedua"], Start(dialogs, "first").Replies.Select(r => r.Text));
    }

    [Fact]
    public void A_summary_option_with_then_returns_to_the_summary_after_one_field()
    {
        var dialogs = TestDialogs.From("""
            id: r
            title: r
            steps:
              - { id: name, kind: text, text: "Nama?" }
              - { id: city, kind: text, text: "Kota?" }
              - id: summary
                kind: choice
                text: "{name} dari {city}. Benar?"
                options:
                  - { label: Benar, value: ok, next: end }
                  - { label: Ubah nama, value: fix, next: name, then: summary }
            """);
        var turn = Say(dialogs, Say(dialogs, Start(dialogs, "r"), "Budi"), "Ambon");
        Assert.Equal("Budi dari Ambon. Benar?", turn.Replies.Single().Text);
        turn = Say(dialogs, Press(dialogs, turn, "fix"), "Ani");
        Assert.Equal("Ani dari Ambon. Benar?", turn.Replies.Single().Text);
    }

    [Fact]
    public void Cancel_ends_every_dialog_in_progress()
    {
        var dialogs = TestDialogs.From(Survey);
        var turn = Say(dialogs, Start(dialogs, "survey"), "/batal");
        Assert.Null(turn.State.Active);
        Assert.Equal(TestDialogs.EngineTexts["command.cancelled"], turn.Replies.Single().Text);
        Assert.Null(Say(dialogs, Start(dialogs, "survey"), "batal").State.Active);
    }

    [Fact]
    public void Help_interrupts_and_the_interrupted_question_is_asked_again()
    {
        var dialogs = TestDialogs.From(Survey);
        var turn = Say(dialogs, Start(dialogs, "survey"), "bantuan");
        Assert.Equal(["[help]", "Warna favorit?"], turn.Replies.Select(r => r.Text));
        Assert.Equal("color", turn.State.Active!.StepId);
        Assert.Equal("Merah dipilih", Press(dialogs, turn, "red").Replies.Single().Text);
    }

    [Theory]
    [InlineData("/start", true, "[menu]")]
    [InlineData("/menu", true, "[menu]")]
    [InlineData("/start", false, "[registration]")]
    [InlineData("/start@AsnBot", false, "[registration]")]
    [InlineData("/hapusdata", true, "[delete-data]")]
    [InlineData("/dataku", true, "[my-data]")]
    public void Global_commands_interrupt_any_dialog(string command, bool isRegistered, string expected)
    {
        var dialogs = TestDialogs.From(Survey);
        var context = Registered with { IsRegistered = isRegistered };
        var asked = DialogEngine.Next(dialogs, ConversationState.Idle, new QueueDialog("survey"), context);
        var turn = DialogEngine.Next(dialogs, asked.State, new UserText(command), context);
        Assert.Equal(expected, turn.Replies[0].Text);
    }

    [Fact]
    public void A_dialog_started_while_busy_waits_in_the_queue_and_never_overwrites_state()
    {
        var dialogs = TestDialogs.From(Survey, """
            id: lesson
            title: Pelajaran
            steps:
              - { id: read, kind: end, text: "Pelajaran hari ini" }
            """);
        var asked = Start(dialogs, "survey");
        var queued = DialogEngine.Next(dialogs, asked.State, new QueueDialog("lesson"), Registered);
        Assert.Empty(queued.Replies);
        Assert.Equal(asked.State.Active, queued.State.Active);
        Assert.Equal(["lesson"], queued.State.Queue);
        var finished = Press(dialogs, queued, "red");
        Assert.Equal(["Merah dipilih", "Pelajaran hari ini"], finished.Replies.Select(r => r.Text));
        Assert.True(finished.State.IsIdle);
    }

    [Fact]
    public void A_cycle_of_steps_that_ask_nothing_stops_with_an_apology()
    {
        var dialogs = TestDialogs.From("""
            id: loop
            title: loop
            steps:
              - { id: a, kind: goto, next: b }
              - { id: b, kind: goto, next: a }
            """);
        var turn = Start(dialogs, "loop");
        Assert.Equal(TestDialogs.EngineTexts["error.loop"], turn.Replies.Single().Text);
        Assert.Null(turn.State.Active);
    }

    [Fact]
    public void Free_text_from_a_newcomer_starts_registration_with_a_greeting()
    {
        var dialogs = TestDialogs.From(Survey);
        var turn = DialogEngine.Next(dialogs, ConversationState.Idle, new UserText("halo"), Registered with { IsRegistered = false });
        Assert.Equal([TestDialogs.EngineTexts["idle.unregistered"], "[registration]"], turn.Replies.Select(r => r.Text));
    }
}
