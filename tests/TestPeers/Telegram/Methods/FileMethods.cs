namespace AsnBot.TestPeers.Telegram;

/// <summary><c>getFile</c>: the path under which a stored file can be downloaded.</summary>
internal sealed class FileMethods(FileStore files)
{
    public ValueTask<BotApiResult> GetFile(RequestParameters parameters, CancellationToken cancellationToken)
    {
        var file = files.FindById(parameters.GetString("file_id") ?? string.Empty) ?? throw BotApiErrors.Reject("invalid file_id");
        return ValueTask.FromResult(BotApiResult.Ok(new ApiFile(file.FileId, file.FileUniqueId, file.Content.LongLength, file.FilePath)));
    }
}
