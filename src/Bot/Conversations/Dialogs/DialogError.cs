namespace AsnBot.Conversations.Dialogs;

/// <summary>A mistake in a dialog file, said so a content editor can fix it.</summary>
public sealed record DialogError(string File, int Line, string Problem)
{
    public override string ToString() => $"{File}:{Line}: {Problem}";
}

public sealed class InvalidDialogsException(IReadOnlyList<DialogError> errors)
    : Exception("Dialog files are invalid:" + Environment.NewLine + string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<DialogError> Errors { get; } = errors;
}
