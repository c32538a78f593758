using AsnBot.Bot.Tests.Support;

namespace AsnBot.Bot.Tests.Conversations;

/// <summary>Runs every <c>Transcripts/*.transcript</c> file as a conversation over the web chat.</summary>
public sealed class TranscriptTests(TranscriptTests.Host host) : IClassFixture<TranscriptTests.Host>
{
    public sealed class Host : IAsyncLifetime
    {
        public BotApp App { get; } = new();

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Transcripts");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder, "*.transcript").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Transcript_plays_as_written(string file)
    {
        var chat = host.App.Chat();
        var lines = await File.ReadAllLinesAsync(Path.Combine(Folder, file));
        var turns = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            Assert.True(colon > 0, $"{file}:{i + 1}: expected 'user:', 'press:', 'given:', 'expect:' or 'buttons:'");
            var (verb, value) = (line[..colon], line[(colon + 1)..].Trim());
            var where = $"{file}:{i + 1}";
            switch (verb)
            {
                case "user":
                    await chat.SayAsync(value);
                    turns++;
                    break;
                case "press":
                    var choice = chat.Last.Count == 0 ? null
                        : chat.Last[^1].Choices.FirstOrDefault(c => c.Value == value || c.Label == value);
                    Assert.True(choice is not null, $"{where}: no button '{value}' in the last reply; buttons were: {string.Join(" | ", chat.Last.Count == 0 ? [] : chat.Last[^1].Choices.Select(c => $"{c.Label}={c.Value}"))}");
                    await chat.PressAsync(choice.Value);
                    turns++;
                    break;
                case "given":
                    await TranscriptGivens.ApplyAsync(host.App, chat.SessionId, value, where);
                    break;
                case "expect":
                    Assert.True(chat.LastText.Contains(value, StringComparison.Ordinal), $"{where}: expected '{value}' in:\n{chat.LastText}");
                    break;
                case "buttons":
                    var expected = value.Split('|', StringSplitOptions.TrimEntries);
                    var actual = chat.Last.Count == 0 ? [] : chat.Last[^1].Choices.Select(c => c.Label).ToArray();
                    Assert.True(expected.SequenceEqual(actual), $"{where}: expected buttons [{value}] but got [{string.Join(" | ", actual)}]");
                    break;
                default:
                    Assert.Fail($"{where}: unknown verb '{verb}'");
                    break;
            }
        }
        Assert.True(turns > 0, $"{file} has no turns");
    }
}
