using System.Globalization;
using AsnBot.Knowledge.Profiles;

namespace AsnBot.Knowledge.Outbox;

/// <summary>
/// A daily span of local time in which nobody is written to, e.g. 21:00-07:00 (it may wrap
/// past midnight). Equal ends mean no quiet hours.
/// </summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End)
{
    public static readonly QuietHours None = new(TimeOnly.MinValue, TimeOnly.MinValue);

    public bool Contains(TimeOnly time) =>
        Start != End && (Start < End ? time >= Start && time < End : time >= Start || time < End);

    /// <summary>Parses "21:00-07:00"; returns null when the text is not two HH:mm times.</summary>
    public static QuietHours? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return None;
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length == 2
            && TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            && TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
            return new QuietHours(start, end);
        return null;
    }

    public override string ToString() => $"{Start:HH\\:mm}-{End:HH\\:mm}";
}

/// <summary>
/// When a message may reach a person, planned in their own time zone: never in quiet hours,
/// and (optionally) never on Saturday or Sunday. Pure, so tests move through weeks without a clock.
/// </summary>
public sealed record DeliveryWindow(QuietHours QuietHours, bool IsWeekendSilent)
{
    /// <summary>The first allowed instant at or after <paramref name="instant"/> for someone in <paramref name="zone"/>.</summary>
    public DateTimeOffset NextAllowed(DateTimeOffset instant, IndonesianTimeZone zone)
    {
        var local = zone.ToLocal(instant);
        // Two passes settle every case: quiet hours may end on a Saturday, a weekend ends at midnight.
        for (var pass = 0; pass < 3; pass++)
        {
            if (QuietHours.Contains(TimeOnly.FromDateTime(local.DateTime)))
                local = QuietEnd(local);
            else if (IsWeekendSilent && local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                local = new DateTimeOffset(local.Date.AddDays(local.DayOfWeek == DayOfWeek.Saturday ? 2 : 1), local.Offset);
            else
                break;
        }
        return local.ToUniversalTime();
    }

    /// <summary>A wall-clock time in the person's zone (e.g. "08:00 on the 1st"), pushed out of quiet time.</summary>
    public DateTimeOffset At(DateTime localWallClock, IndonesianTimeZone zone) =>
        NextAllowed(new DateTimeOffset(DateTime.SpecifyKind(localWallClock, DateTimeKind.Unspecified), zone.Offset()), zone);

    private DateTimeOffset QuietEnd(DateTimeOffset local)
    {
        var endToday = new DateTimeOffset(local.Date + QuietHours.End.ToTimeSpan(), local.Offset);
        return endToday > local ? endToday : endToday.AddDays(1);
    }
}
