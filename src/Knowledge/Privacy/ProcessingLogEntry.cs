namespace AsnBot.Knowledge.Privacy;

/// <summary>What was done with a person's data, by whom: shown to the person in /dataku.</summary>
public sealed class ProcessingLogEntry
{
    public long Id { get; set; }
    public Guid PersonId { get; set; }
    public required string Actor { get; set; }
    public required string Activity { get; set; }
    public DateTimeOffset At { get; set; }
}
