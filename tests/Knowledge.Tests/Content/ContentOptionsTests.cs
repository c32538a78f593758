using AsnBot.Knowledge.Content;

namespace AsnBot.Knowledge.Tests.Content;

public sealed class ContentOptionsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("asnbot-content-").FullName;
    private readonly string _working;
    private readonly string _program;

    public ContentOptionsTests()
    {
        _working = Directory.CreateDirectory(Path.Combine(_root, "service")).FullName;
        _program = Directory.CreateDirectory(Path.Combine(_root, "program")).FullName;
        Directory.CreateDirectory(Path.Combine(_program, "data", "knowledge"));
        File.WriteAllText(Path.Combine(_program, "data", "catalog.yaml"), "shipped");
        File.WriteAllText(Path.Combine(_program, "data", "regions.yaml"), "shipped");
    }

    [Fact]
    public void A_data_folder_in_the_working_directory_holding_only_the_database_still_finds_the_shipped_files()
    {
        // What a first start in a fresh service directory leaves: the SQLite file's folder.
        Directory.CreateDirectory(Path.Combine(_working, "data"));
        File.WriteAllText(Path.Combine(_working, "data", "asnbot.db"), "");

        Assert.Equal(Path.Combine(_program, "data", "catalog.yaml"), ContentOptions.ResolveFile("data", "catalog.yaml", _working, _program));
        Assert.Equal(Path.Combine(_program, "data", "knowledge"), ContentOptions.ResolveFile("data", "knowledge", _working, _program));
    }

    [Fact]
    public void An_edited_copy_in_the_working_directory_wins_for_that_file_only()
    {
        Directory.CreateDirectory(Path.Combine(_working, "data"));
        File.WriteAllText(Path.Combine(_working, "data", "catalog.yaml"), "edited");

        Assert.Equal(Path.Combine(_working, "data", "catalog.yaml"), ContentOptions.ResolveFile("data", "catalog.yaml", _working, _program));
        Assert.Equal(Path.Combine(_program, "data", "regions.yaml"), ContentOptions.ResolveFile("data", "regions.yaml", _working, _program));
    }

    [Fact]
    public void A_rooted_data_path_is_used_as_it_is()
    {
        var elsewhere = Path.Combine(_root, "elsewhere");

        Assert.Equal(Path.Combine(elsewhere, "catalog.yaml"), ContentOptions.ResolveFile(elsewhere, "catalog.yaml", _working, _program));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
