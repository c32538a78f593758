using System.Collections.Immutable;

namespace AsnBot.Conversations.Engine;

public sealed record ReplyChoice(string Label, string Value);

/// <summary>A message to the person, channel-neutral: each channel renders the choices its own way.</summary>
public sealed record Reply(string Text)
{
    public ImmutableList<ReplyChoice> Choices { get; init; } = [];
}
