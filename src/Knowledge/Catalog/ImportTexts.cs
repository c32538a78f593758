using AsnBot.Knowledge.Content;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace AsnBot.Knowledge.Catalog;

/// <summary>
/// The sentences of row errors (catalog file, attendance list, mentoring sheet) and of refused enrollment
/// changes and mentoring pairs,
/// from <c>data/import-texts.yaml</c>: coordinators read them on the dashboard and the command line.
/// </summary>
public sealed class ImportTexts
{
    public const string FileName = "import-texts.yaml";

    public static readonly IReadOnlyList<string> RequiredKeys =
    [
        "row_error", "file_refused", "change_refused", "file.cannot_read", "file.format", "file.columns", "file.unreadable", "column_missing", "empty", "whole_number", "rupiah", "date", "yes_no",
        "catalog.code", "catalog.code_taken", "catalog.path", "catalog.mode", "catalog.competency_syntax",
        "catalog.competency_unknown", "catalog.competency_twice", "catalog.differs", "catalog.session_needs_id",
        "catalog.session_repeated", "catalog.ends_before_start", "catalog.needs_place", "catalog.province",
        "attendance.status",
        "enrollment.unknown_person", "enrollment.unknown_training", "enrollment.unknown_session", "enrollment.finished",
        "enrollment.not_registered", "enrollment.backwards", "enrollment.complete_before_attended",
        "mentoring.role", "mentoring.unknown_mentor", "mentoring.unknown_mentee", "mentoring.unknown_coordinator",
        "mentoring.self", "mentoring.first_session",
    ];

    /// <summary>The enrollment statuses by their names in the files (<c>EnrollmentTransitions.Name</c>).</summary>
    public static readonly IReadOnlyList<string> RequiredStatuses = ["interest", "registered", "attended", "completed", "not-completed"];

    private readonly IReadOnlyDictionary<string, string> _texts;
    private readonly IReadOnlyDictionary<string, string> _statuses;

    public ImportTexts(IReadOnlyDictionary<string, string> texts, IReadOnlyDictionary<string, string> statuses)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(statuses);
        var missing = RequiredKeys.Where(k => !texts.ContainsKey(k)).Concat(RequiredStatuses.Where(k => !statuses.ContainsKey(k)).Select(k => "statuses." + k)).ToList();
        if (missing.Count > 0)
            throw new InvalidDataException($"{FileName}: missing {string.Join(", ", missing)}");
        _texts = texts;
        _statuses = statuses;
    }

    /// <summary>Every sentence by key, as the file writes it (placeholders unfilled).</summary>
    public IReadOnlyDictionary<string, string> Texts => _texts;

    public string Format(string key, params (string Name, object Value)[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Placeholders.Fill(_texts[key], values);
    }

    /// <summary>An error as one line: the row, the column and the reason.</summary>
    public string Describe(ImportError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Format("row_error", ("row", error.Row), ("column", error.Column), ("reason", error.Reason));
    }

    /// <summary>
    /// Why a file could not be read at all, in a sentence: its format, its columns, or (for a
    /// damaged file, whose exception speaks of zip entries and XML) that it is not a sheet.
    /// </summary>
    public string Unreadable(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error is CatalogFileException file ? Format(file.Key, [.. file.Values]) : Format("file.unreadable");
    }

    /// <summary>A status's name (interest, registered, ...) as a coordinator reads it.</summary>
    public string Status(string name) => _statuses[name];

    public static ImportTexts Load(string path)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).IgnoreUnmatchedProperties().Build();
        using var reader = File.OpenText(path);
        var file = deserializer.Deserialize<TextsFile>(reader) ?? throw new InvalidDataException($"{path}: empty file");
        return new ImportTexts(file.Texts, file.Statuses);
    }

    private sealed class TextsFile
    {
        public Dictionary<string, string> Texts { get; set; } = [];
        public Dictionary<string, string> Statuses { get; set; } = [];
    }
}
