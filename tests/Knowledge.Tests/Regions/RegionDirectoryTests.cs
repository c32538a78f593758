using AsnBot.Knowledge.Profiles;
using AsnBot.Knowledge.Regions;

namespace AsnBot.Knowledge.Tests.Regions;

public sealed class RegionDirectoryTests
{
    private static readonly RegionDirectory Regions = RegionDirectory.Load(Path.Combine(RepoPaths.Data, "regions.yaml"));

    [Fact]
    public void All_38_provinces_are_known()
    {
        Assert.Equal(38, Regions.Provinces.Count);
    }

    [Theory]
    [InlineData("Maluku", "Maluku", IndonesianTimeZone.WIT)]
    [InlineData("sumut", "Sumatera Utara", IndonesianTimeZone.WIB)]
    [InlineData("Prov. Jawa Tengah", "Jawa Tengah", IndonesianTimeZone.WIB)]
    [InlineData("jateng", "Jawa Tengah", IndonesianTimeZone.WIB)]
    [InlineData("LAMPUNG", "Lampung", IndonesianTimeZone.WIB)]
    [InlineData("Jambi", "Jambi", IndonesianTimeZone.WIB)]
    [InlineData("Bali", "Bali", IndonesianTimeZone.WITA)]
    [InlineData("Kalimantan Barat", "Kalimantan Barat", IndonesianTimeZone.WIB)]
    [InlineData("kaltim", "Kalimantan Timur", IndonesianTimeZone.WITA)]
    [InlineData("Papua", "Papua", IndonesianTimeZone.WIT)]
    public void Provinces_are_found_as_people_type_them(string typed, string name, IndonesianTimeZone zone)
    {
        var province = Regions.Find(typed);
        Assert.NotNull(province);
        Assert.Equal(name, province.Name);
        Assert.Equal(zone, province.TimeZone);
    }

    [Theory]
    [InlineData("Atlantis")]
    [InlineData("")]
    [InlineData("🙂")]
    public void Unknown_places_are_not_guessed(string typed)
    {
        Assert.Null(Regions.Find(typed));
    }
}
