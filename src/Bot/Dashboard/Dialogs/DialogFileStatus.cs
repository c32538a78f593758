using AsnBot.Conversations;
using AsnBot.Conversations.Dialogs;

namespace AsnBot.Dashboard.Dialogs;

/// <summary>One dialog file and what the validator says about it now (the files may have changed since start-up).</summary>
public sealed record DialogFileStatus(string File, string? DialogId, string? Title, IReadOnlyList<DialogError> Errors)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>Runs the same loader and validator as start-up and <c>validate-dialogs</c>, grouped by file.</summary>
    public static IReadOnlyList<DialogFileStatus> Check(string folder, IServiceProvider services)
    {
        var loader = new DialogLoader();
        var (dialogs, texts) = loader.LoadFolder(folder);
        var errors = loader.Errors.Concat(DialogValidator.Validate(dialogs, texts, ConversationsDependencyInjection.ActionNames(services))).ToList();
        var files = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(folder, p).Replace('\\', '/'))
            : [];
        return [.. files.Union(errors.Select(e => e.File)).Order(StringComparer.Ordinal).Select(file =>
        {
            var dialog = dialogs.FirstOrDefault(d => d.File == file);
            return new DialogFileStatus(file, dialog?.Id, dialog?.Title, [.. errors.Where(e => e.File == file).OrderBy(e => e.Line)]);
        })];
    }
}
