namespace AsnBot.TestPeers;

/// <summary>The repository's own folders, found from the test binary's location.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();
    public static string Data => Path.Combine(Root, "data");
    public static string Dialogs => Path.Combine(Root, "dialogs");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AsnBot.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("AsnBot.sln not found above " + AppContext.BaseDirectory);
    }
}
