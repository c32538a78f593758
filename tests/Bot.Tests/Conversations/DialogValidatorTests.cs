using AsnBot.Bot.Tests.Support;
using AsnBot.Conversations.Dialogs;

namespace AsnBot.Bot.Tests.Conversations;

public sealed class DialogValidatorTests
{
    private static readonly HashSet<string> Actions = ["save-profile"];

    private static IReadOnlyList<DialogError> Check(string yaml)
    {
        var loader = new DialogLoader();
        var dialog = loader.Load("broken.yaml", yaml).Dialog;
        var dialogs = dialog is null ? [] : new List<Dialog> { dialog };
        return [.. loader.Errors, .. DialogValidator.Validate(dialogs, TestDialogs.EngineTexts, Actions).Where(e => e.File == "broken.yaml")];
    }

    [Fact]
    public async Task The_shipped_dialogs_are_valid()
    {
        // The action names come from the real container, so a feature that adds actions needs no edit here.
        var app = new BotApp();
        try
        {
            var set = DialogValidator.LoadAndValidate(RepoPaths.Dialogs, AsnBot.Conversations.ConversationsDependencyInjection.ActionNames(app.Services));
            Assert.Contains(WellKnownDialogs.Registration, set.Dialogs.Keys);
        }
        finally
        {
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(app.DatabaseFile);
        }
    }

    [Theory]
    [InlineData("""
        id: x
        title: x
        steps:
          - { id: a, kind: message, text: hi }
          - { id: b, kind: dance, text: hi }
        """, 5, "step 'b' has unknown kind 'dance'")]
    [InlineData("""
        id: x
        title: x
        steps:
          - { id: a, kind: message, text: hi, next: nowhere }
        """, 4, "step 'a' jumps to missing step 'nowhere'")]
    [InlineData("""
        id: x
        title: x
        steps:
          - { id: a, kind: message, text: hi }
          - { id: a, kind: message, text: again }
        """, 5, "duplicate step id 'a'")]
    [InlineData("""
        id: x
        title: x
        steps:
          - { id: a, kind: message, text: hi }
          - id: ask
            kind: choice
            options:
              - { label: Ya, value: ya }
        """, 5, "step 'ask' (choice) is missing 'text'")]
    [InlineData("""
        id: x
        title: x
        steps:
          - { id: a, kind: action, action: launch-rocket }
        """, 4, "step 'a' uses unknown action 'launch-rocket'")]
    [InlineData("""
        id: x
        title: x
        steps:
          - id: ask
            kind: choice
            text: Pilih
            options:
              - { label: Ya, value: ya, next: missing }
        """, 8, "option 'Ya' jumps to missing step 'missing'")]
    [InlineData("""
        id: x
        title: x
        steps:
          - id: q
            kind: quiz
            text: Soal
            correct: c
            options:
              - { label: A, value: a }
        """, 4, "correct answer 'c' is not one of its option values")]
    [InlineData("""
        id: x
        title: x
        steps:
          - { id: a, kind: message, txt: hi }
        """, 4, "unknown field 'txt'")]
    [InlineData("""
        id: x
        title: x
        steps:
          - id: route
            kind: branch
            cases:
              - { when: "score is big", next: route }
        """, 7, "condition 'score is big' is not of the form")]
    [InlineData("""
        id: x
        title: x
        steps: [ { id: a, kind: message, text: "unclosed }
        """, 3, "not valid YAML")]
    public void Each_mistake_is_named_with_file_line_and_problem(string yaml, int line, string problem)
    {
        var errors = Check(yaml);
        var error = Assert.Single(errors, e => e.Problem.Contains(problem, StringComparison.Ordinal));
        Assert.Equal("broken.yaml", error.File);
        Assert.Equal(line, error.Line);
        Assert.StartsWith($"broken.yaml:{line}: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_files_with_the_same_dialog_id_are_reported()
    {
        var loader = new DialogLoader();
        var a = loader.Load("a.yaml", "id: same\ntitle: A\nsteps:\n  - { id: s, kind: end }\n").Dialog!;
        var b = loader.Load("b.yaml", "id: same\ntitle: B\nsteps:\n  - { id: s, kind: end }\n").Dialog!;
        var errors = DialogValidator.Validate([a, b], TestDialogs.EngineTexts, Actions);
        Assert.Contains(errors, e => e.File == "b.yaml" && e.Problem.Contains("duplicate dialog id 'same' (also in a.yaml)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_engine_text_is_reported()
    {
        var texts = TestDialogs.EngineTexts with { Values = TestDialogs.EngineTexts.Values.Remove("quiz.correct") };
        var errors = DialogValidator.Validate([], texts, Actions);
        Assert.Contains(errors, e => e.Problem == "text 'quiz.correct' is missing");
    }
}
