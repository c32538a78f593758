namespace AsnBot.TestPeers.Telegram;

/// <summary>Telegram's <c>File</c>: download it from <c>/file/bot&lt;token&gt;/&lt;file_path&gt;</c>.</summary>
internal sealed record ApiFile(string FileId, string FileUniqueId, long? FileSize, string? FilePath);
