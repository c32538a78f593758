namespace AsnBot.Dashboard.Audit;

/// <summary>
/// One view or export of personal data from the dashboard (UU 27/2022: every coordinator action
/// on personal data is logged): who, what, when. Rows are only ever added.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string UserName { get; set; }

    /// <summary>What was done, e.g. <c>people.list</c>, <c>person.view</c>, <c>export.people.csv</c>.</summary>
    public required string Action { get; set; }

    /// <summary>Which data: a person id, a filter, an export's scope.</summary>
    public string Subject { get; set; } = "";
}
