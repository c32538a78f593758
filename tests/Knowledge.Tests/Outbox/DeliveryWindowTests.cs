using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Profiles;

namespace AsnBot.Knowledge.Tests.Outbox;

public sealed class DeliveryWindowTests
{
    private static readonly DeliveryWindow Default = new(QuietHours.Parse("21:00-07:00")!, IsWeekendSilent: false);

    [Fact]
    public void Eight_in_the_morning_in_Ambon_is_two_hours_before_eight_in_Medan()
    {
        var local = new DateTime(2026, 12, 1, 8, 0, 0);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.Zero), Default.At(local, IndonesianTimeZone.WIT));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), Default.At(local, IndonesianTimeZone.WITA));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero), Default.At(local, IndonesianTimeZone.WIB));
    }

    [Theory]
    [InlineData("2026-12-01T21:00", "2026-12-02T07:00")]
    [InlineData("2026-12-01T23:59", "2026-12-02T07:00")]
    [InlineData("2026-12-02T03:00", "2026-12-02T07:00")]
    [InlineData("2026-12-02T06:59", "2026-12-02T07:00")]
    [InlineData("2026-12-02T07:00", "2026-12-02T07:00")]
    [InlineData("2026-12-01T20:59", "2026-12-01T20:59")]
    public void Quiet_hours_push_a_message_to_their_end_in_local_time(string plannedLocal, string expectedLocal)
    {
        var planned = DateTime.Parse(plannedLocal, System.Globalization.CultureInfo.InvariantCulture);
        var expected = new DateTimeOffset(DateTime.Parse(expectedLocal, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromHours(9));
        Assert.Equal(expected, Default.At(planned, IndonesianTimeZone.WIT));
    }

    [Fact]
    public void Weekend_silence_moves_saturday_and_sunday_to_monday_at_the_end_of_quiet_hours()
    {
        var silent = Default with { IsWeekendSilent = true };
        // Saturday 5 Dec 2026 10:00 WIB.
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 7, 0, 0, TimeSpan.FromHours(7)), silent.At(new DateTime(2026, 12, 5, 10, 0, 0), IndonesianTimeZone.WIB));
        // Friday 22:00 is quiet, and the morning after is Saturday: Monday 07:00.
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 7, 0, 0, TimeSpan.FromHours(7)), silent.At(new DateTime(2026, 12, 4, 22, 0, 0), IndonesianTimeZone.WIB));
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 7, 0, 0, TimeSpan.FromHours(7)), Default.At(new DateTime(2026, 12, 4, 22, 0, 0), IndonesianTimeZone.WIB));
    }

    [Fact]
    public void Quiet_hours_are_read_from_the_setting_and_a_bad_one_is_refused()
    {
        Assert.Equal(new QuietHours(new TimeOnly(21, 0), new TimeOnly(7, 0)), QuietHours.Parse("21:00-07:00"));
        Assert.Equal(QuietHours.None, QuietHours.Parse(""));
        Assert.Null(QuietHours.Parse("9pm-7am"));
        Assert.False(QuietHours.None.Contains(new TimeOnly(3, 0)));
        Assert.True(new QuietHours(new TimeOnly(12, 0), new TimeOnly(13, 0)).Contains(new TimeOnly(12, 30)));
    }
}
