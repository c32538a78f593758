using System.Collections.Concurrent;
using System.Globalization;

namespace AsnBot.TestPeers.Telegram;

/// <summary>Files a test makes available to the bot through <c>getFile</c> and the file download path.</summary>
internal sealed class FileStore
{
    private readonly ConcurrentDictionary<string, StoredFile> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StoredFile> _byPath = new(StringComparer.Ordinal);
    private long _lastNumber;

    public string Add(byte[] content, string fileName)
    {
        var number = Interlocked.Increment(ref _lastNumber).ToString(CultureInfo.InvariantCulture);
        var file = new StoredFile($"BQACAgUAAxkBAAI{number}", $"AgAD{number}", $"documents/file_{number}{Path.GetExtension(fileName)}", content);
        _byId[file.FileId] = file;
        _byPath[file.FilePath] = file;
        return file.FileId;
    }

    public StoredFile? FindById(string fileId) => _byId.GetValueOrDefault(fileId);

    public StoredFile? FindByPath(string filePath) => _byPath.GetValueOrDefault(filePath);
}

internal sealed record StoredFile(string FileId, string FileUniqueId, string FilePath, byte[] Content);
