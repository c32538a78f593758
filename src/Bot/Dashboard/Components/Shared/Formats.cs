using System.Globalization;

namespace AsnBot.Dashboard.Components.Shared;

/// <summary>Dates as coordinators read them: Indonesian month names, in WIB unless the person's zone is known.</summary>
public static class Formats
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    public static string Date(DateTimeOffset at) => at.ToOffset(Wib).ToString("d MMM yyyy", Indonesian);

    public static string DateTime(DateTimeOffset at) => at.ToOffset(Wib).ToString("d MMM yyyy HH:mm", Indonesian) + " WIB";

    public static string Number(double value) => value.ToString("N0", Indonesian);
}
