namespace AsnBot.Knowledge.Profiles;

/// <summary>Indonesia's three zones, fixed offsets (no daylight saving).</summary>
public enum IndonesianTimeZone
{
    WIB = 7,
    WITA = 8,
    WIT = 9,
}

public static class IndonesianTimeZoneExtensions
{
    public static TimeSpan Offset(this IndonesianTimeZone zone) => TimeSpan.FromHours((int)zone);

    public static DateTimeOffset ToLocal(this IndonesianTimeZone zone, DateTimeOffset instant) => instant.ToOffset(zone.Offset());
}
