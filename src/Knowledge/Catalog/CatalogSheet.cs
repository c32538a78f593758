using System.Globalization;

namespace AsnBot.Knowledge.Catalog;

/// <summary>
/// The flat layout of the catalog in CSV and XLSX (see docs/catalog-import.md): one row per
/// session, the training's columns repeated on each of its rows; a training without
/// sessions has one row with the session columns empty.
/// </summary>
public static class CatalogSheet
{
    public const string Code = "code";
    public const string Title = "title";
    public const string Description = "description";
    public const string Competencies = "competencies";
    public const string Path = "path";
    public const string Mode = "mode";
    public const string Jp = "jp";
    public const string Provider = "provider";
    public const string Keywords = "keywords";
    public const string Certificate = "certificate";
    public const string SessionId = "session_id";
    public const string Start = "start";
    public const string End = "end";
    public const string Place = "place";
    public const string Province = "province";
    public const string Online = "online";
    public const string Quota = "quota";
    public const string Cost = "cost";

    /// <summary>Every column, as an export writes them.</summary>
    public static readonly IReadOnlyList<string> Columns =
        [Code, Title, Description, Competencies, Path, Mode, Jp, Provider, Keywords, Certificate, SessionId, Start, End, Place, Province, Online, Quota, Cost];

    /// <summary>Columns a file may leave out: files written before the column existed stay importable.</summary>
    public static readonly IReadOnlyList<string> OptionalColumns = [Cost];

    public static readonly IReadOnlyList<string> RequiredColumns = [.. Columns.Except(OptionalColumns)];

    public static readonly IReadOnlyList<string> TrainingColumns = [Title, Description, Competencies, Path, Mode, Jp, Provider, Keywords, Certificate, Cost];

    public static readonly IReadOnlyList<string> SessionColumns = [Start, End, Place, Province, Online, Quota];

    public static IEnumerable<Dictionary<string, string>> ToRows(IEnumerable<Training> trainings)
    {
        ArgumentNullException.ThrowIfNull(trainings);
        foreach (var training in trainings)
        {
            var sessions = training.Sessions.OrderBy(s => s.Start).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
            if (sessions.Count == 0)
            {
                yield return Row(training, null);
                continue;
            }
            foreach (var session in sessions)
                yield return Row(training, session);
        }
    }

    private static Dictionary<string, string> Row(Training training, TrainingSession? session) => new(StringComparer.Ordinal)
    {
        [Code] = training.Code,
        [Title] = training.Title,
        [Description] = training.Description,
        [Competencies] = string.Join("; ", training.Competencies.Select(c => $"{c.CompetencyCode}:{c.Level}")),
        [Path] = training.Path,
        [Mode] = training.Mode.ToString().ToLowerInvariant(),
        [Jp] = training.Jp.ToString(CultureInfo.InvariantCulture),
        [Provider] = training.Provider,
        [Keywords] = string.Join("; ", training.Keywords),
        [Certificate] = training.HasCertificate ? "ya" : "tidak",
        [SessionId] = session?.Id ?? "",
        [Start] = session?.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        [End] = session?.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        [Place] = session?.Place ?? "",
        [Province] = session?.Province ?? "",
        [Online] = session is null ? "" : session.IsOnline ? "ya" : "tidak",
        [Quota] = session?.Quota.ToString(CultureInfo.InvariantCulture) ?? "",
        [Cost] = training.Cost?.ToString("0.##", CultureInfo.InvariantCulture) ?? "",
    };
}
