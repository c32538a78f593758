using System.Collections.Immutable;
using System.Text.Json;
using AsnBot.Conversations;
using AsnBot.Conversations.Engine;

namespace AsnBot.Bot.Tests.Conversations;

/// <summary>The generated state serializer writes what the reflection serializer wrote, so saved conversations carry on.</summary>
public sealed class ConversationStateJsonTests
{
    private static readonly JsonSerializerOptions Reflection = new(JsonSerializerDefaults.Web);

    private static readonly ConversationState Busy = new()
    {
        Active = new DialogFrame("registration", "name", ImmutableDictionary<string, string>.Empty.Add("nip", "198503122010011003").Add("consent", "ya"))
        {
            ReturnTo = "summary",
        },
        Paused = [new DialogFrame("needs-survey", "q2", ImmutableDictionary<string, string>.Empty.Add("q1", "3"))],
        Queue = ["evaluation-reaction", "micro-learning"],
    };

    [Fact]
    public void A_state_is_written_exactly_as_the_reflection_serializer_wrote_it()
    {
        Assert.Equal(JsonSerializer.Serialize(Busy, Reflection), ConversationStateJson.Write(Busy));
        Assert.Equal(JsonSerializer.Serialize(ConversationState.Idle, Reflection), ConversationStateJson.Write(ConversationState.Idle));
    }

    [Fact]
    public void A_state_written_by_the_reflection_serializer_reads_back_whole()
    {
        var read = ConversationStateJson.Read(JsonSerializer.Serialize(Busy, Reflection));

        Assert.Equal(("registration", "name", "summary"), (read.Active!.DialogId, read.Active.StepId, read.Active.ReturnTo));
        Assert.Equal(Busy.Active!.Answers.OrderBy(a => a.Key), read.Active.Answers.OrderBy(a => a.Key));
        Assert.Equal("q2", Assert.Single(read.Paused).StepId);
        Assert.Equal(Busy.Queue, read.Queue);
        Assert.True(ConversationStateJson.Read("null").IsIdle);
    }
}
