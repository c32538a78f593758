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

    /// <summary>
    /// One file (or folder) of the reference data, looked up on its own: the working directory's
    /// <c>data/</c> may hold the database and only the files an operator edited, and every other
    /// file still comes from the defaults shipped next to the program.
    /// </summary>
    public string DataFile(string name) => ResolveFile(DataPath, name, Directory.GetCurrentDirectory(), AppContext.BaseDirectory);

    public static string ResolveFile(string folder, string name, string workingDirectory, string programDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (Path.IsPathRooted(folder))
            return Path.Combine(folder, name);
        var edited = Path.GetFullPath(Path.Combine(workingDirectory, folder, name));
        return File.Exists(edited) || Directory.Exists(edited) ? edited : Path.Combine(programDirectory, folder, name);
    }

    public string DialogsDirectory => Resolve(DialogsPath);
}
