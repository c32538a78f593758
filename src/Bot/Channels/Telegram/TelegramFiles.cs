using AsnBot.Knowledge.LearningHours;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace AsnBot.Channels.Telegram;

/// <summary>
/// A photo or document a person sent: the largest photo size, or the document, fetched with getFile
/// and the file download path. Files above the certificate limit are not downloaded at all.
/// </summary>
public sealed class TelegramFiles(TelegramBot bot)
{
    public sealed record Received(string FileName, byte[]? Content);

    public static bool HasFile(Message message) =>
        message is { Photo.Length: > 0 } or { Document: not null };

    public async Task<Received> DownloadAsync(Message message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (fileId, size, name) = message.Document is { } document
            ? (document.FileId, document.FileSize, document.FileName ?? "sertifikat")
            : message.Photo!.OrderByDescending(p => p.FileSize ?? (long)p.Width * p.Height).Select(p => (p.FileId, p.FileSize, "sertifikat.jpg")).First();
        if (size > Certificates.MaxBytes)
            return new Received(name, null);
        var file = await bot.Client.GetFile(fileId, cancellationToken).ConfigureAwait(false);
        if (file.FilePath is null || file.FileSize > Certificates.MaxBytes)
            return new Received(name, null);
        using var buffer = new MemoryStream();
        await bot.Client.DownloadFile(file.FilePath, buffer, cancellationToken).ConfigureAwait(false);
        return new Received(name, buffer.Length > Certificates.MaxBytes ? null : buffer.ToArray());
    }
}
