using AsnBot.Knowledge.Catalog;

namespace AsnBot.Dashboard.Catalog;

/// <summary>A training as the edit form holds it: the cells of the catalog file, one set per session.</summary>
public sealed class CatalogForm
{
    public bool IsNew { get; init; }
    public string Code { get; set; } = "";
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public string Competencies { get; set; } = "";
    public string Path { get; set; } = "KL04";
    public string Mode { get; set; } = "klasikal";
    public string Jp { get; set; } = "";
    public string Provider { get; set; } = "";
    public string Keywords { get; set; } = "";

    /// <summary>Estimated cost per participant in rupiah; empty when unknown.</summary>
    public string Cost { get; set; } = "";

    public bool HasCertificate { get; set; }
    public List<SessionForm> Sessions { get; } = [];

    public static CatalogForm From(Training training)
    {
        ArgumentNullException.ThrowIfNull(training);
        var rows = CatalogSheet.ToRows([training]).ToList();
        var first = rows[0];
        var form = new CatalogForm
        {
            Code = first[CatalogSheet.Code],
            Title = first[CatalogSheet.Title],
            Description = first[CatalogSheet.Description],
            Competencies = first[CatalogSheet.Competencies],
            Path = first[CatalogSheet.Path],
            Mode = first[CatalogSheet.Mode],
            Jp = first[CatalogSheet.Jp],
            Provider = first[CatalogSheet.Provider],
            Keywords = first[CatalogSheet.Keywords],
            Cost = first[CatalogSheet.Cost],
            HasCertificate = training.HasCertificate,
        };
        foreach (var row in rows.Where(r => r[CatalogSheet.SessionId].Length > 0))
        {
            form.Sessions.Add(new SessionForm
            {
                Id = row[CatalogSheet.SessionId],
                Start = row[CatalogSheet.Start],
                End = row[CatalogSheet.End],
                Place = row[CatalogSheet.Place],
                Province = row[CatalogSheet.Province],
                IsOnline = row[CatalogSheet.Online] == "ya",
                Quota = row[CatalogSheet.Quota],
            });
        }
        return form;
    }

    public IEnumerable<Dictionary<string, string>> ToRows()
    {
        var sessions = Sessions.Count == 0 ? [new SessionForm()] : Sessions;
        foreach (var session in sessions)
        {
            yield return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                [CatalogSheet.Code] = Code.Trim(),
                [CatalogSheet.Title] = Title,
                [CatalogSheet.Description] = Description,
                [CatalogSheet.Competencies] = Competencies,
                [CatalogSheet.Path] = Path,
                [CatalogSheet.Mode] = Mode,
                [CatalogSheet.Jp] = Jp,
                [CatalogSheet.Provider] = Provider,
                [CatalogSheet.Keywords] = Keywords,
                [CatalogSheet.Certificate] = HasCertificate ? "ya" : "tidak",
                [CatalogSheet.Cost] = Cost,
                [CatalogSheet.SessionId] = session.Id,
                [CatalogSheet.Start] = session.Start,
                [CatalogSheet.End] = session.End,
                [CatalogSheet.Place] = session.Place,
                [CatalogSheet.Province] = session.Province,
                [CatalogSheet.Online] = session.Id.Length == 0 ? "" : session.IsOnline ? "ya" : "tidak",
                [CatalogSheet.Quota] = session.Quota,
            };
        }
    }
}

public sealed class SessionForm
{
    public string Id { get; set; } = "";
    public string Start { get; set; } = "";
    public string End { get; set; } = "";
    public string Place { get; set; } = "";
    public string Province { get; set; } = "";
    public bool IsOnline { get; set; }
    public string Quota { get; set; } = "";
}
