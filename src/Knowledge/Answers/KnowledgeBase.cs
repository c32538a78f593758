namespace AsnBot.Knowledge.Answers;

/// <summary>
/// One question and its answer from <c>data/knowledge/*.md</c>, with the regulation (or
/// guide) it rests on. <see cref="Id"/> is "file/entry", e.g. <c>jp-dan-hak-pengembangan/hak-20-jp</c>.
/// </summary>
public sealed record KnowledgeEntry(string Id, string Topic, string Question, IReadOnlyList<string> Aliases, string Source, string Answer);

/// <summary>
/// The knowledge base, read from Markdown that coordinators can edit: a file per topic
/// (<c># Topic</c>), an entry per <c>## Question?</c> followed by <c>id:</c>, <c>alias:</c>
/// (phrasings separated by <c>|</c>) and <c>sumber:</c> lines, then the answer's paragraphs.
/// An entry without an id, a source or an answer stops the start with the file and line.
/// </summary>
public sealed class KnowledgeBase
{
    private readonly Dictionary<string, KnowledgeEntry> _byId;

    public KnowledgeBase(IReadOnlyList<KnowledgeEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Entries = entries;
        _byId = new Dictionary<string, KnowledgeEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!_byId.TryAdd(entry.Id, entry))
                throw new InvalidDataException($"knowledge base: the id {entry.Id} is used twice");
        }
    }

    public IReadOnlyList<KnowledgeEntry> Entries { get; }

    public KnowledgeEntry? Find(string id) => _byId.GetValueOrDefault(id);

    public static KnowledgeBase Load(string folder)
    {
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"knowledge base folder {folder} does not exist");
        var entries = new List<KnowledgeEntry>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal))
            entries.AddRange(Parse(Path.GetFileNameWithoutExtension(file), File.ReadAllLines(file)));
        return new KnowledgeBase(entries);
    }

    public static IEnumerable<KnowledgeEntry> Parse(string fileId, IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var topic = fileId;
        Draft? draft = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].TrimEnd();
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                if (draft is not null)
                    yield return draft.Finish(fileId, topic);
                draft = new Draft(line[3..].Trim(), i + 1);
            }
            else if (line.StartsWith("# ", StringComparison.Ordinal))
                topic = line[2..].Trim();
            else if (draft is not null)
                draft.Add(line);
        }
        if (draft is not null)
            yield return draft.Finish(fileId, topic);
    }

    private sealed class Draft(string question, int line)
    {
        private readonly List<string> _aliases = [];
        private readonly List<string> _body = [];
        private string? _id;
        private string? _source;

        public void Add(string text)
        {
            if (_body.Count == 0 && TryField(text, "id:", out var id))
                _id = id;
            else if (_body.Count == 0 && TryField(text, "alias:", out var aliases))
                _aliases.AddRange(aliases.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            else if (_body.Count == 0 && TryField(text, "sumber:", out var source))
                _source = source;
            else if (_body.Count > 0 || text.Length > 0)
                _body.Add(text);
        }

        private static bool TryField(string text, string name, out string value)
        {
            value = text.StartsWith(name, StringComparison.OrdinalIgnoreCase) ? text[name.Length..].Trim() : "";
            return value.Length > 0;
        }

        public KnowledgeEntry Finish(string fileId, string topic)
        {
            var answer = string.Join("\n", _body).Trim();
            string Where() => $"{fileId}.md:{line.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
            if (string.IsNullOrEmpty(_id))
                throw new InvalidDataException($"{Where()}: the entry \"{question}\" has no id: line");
            if (string.IsNullOrEmpty(_source))
                throw new InvalidDataException($"{Where()}: the entry \"{question}\" has no sumber: line");
            if (answer.Length == 0)
                throw new InvalidDataException($"{Where()}: the entry \"{question}\" has no answer");
            return new KnowledgeEntry(fileId + "/" + _id, topic, question, _aliases, _source, answer);
        }
    }
}
