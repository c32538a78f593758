namespace AsnBot.Knowledge.Content;

/// <summary>Where the editable content lives: dialogs and reference data.</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    public string DialogsPath { get; set; } = "dialogs";
    public string DataPath { get; set; } = "data";

    /// <summary>
    /// A relative path is looked up from the working directory first (an operator's edited
    /// copy next to the database), then next to the program (the defaults shipped with it).
    /// </summary>
    public static string Resolve(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Path.IsPathRooted(path))
            return path;
        var fromWorkingDirectory = Path.GetFullPath(path);
        if (Directory.Exists(fromWorkingDirectory) || File.Exists(fromWorkingDirectory))
            return fromWorkingDirectory;
        return Path.Combine(AppContext.BaseDirectory, path);
    }

    public string DialogsDirectory => Resolve(DialogsPath);
    public string DataDirectory => Resolve(DataPath);
}
