using AsnBot.Bot.Tests.Support;
using AsnBot.Knowledge.Profiles;
using AsnBot.Knowledge.Surveys;

namespace AsnBot.Bot.Tests.Dashboard;

/// <summary>Two agencies' people, written straight to the bot's database, for the dashboard's scope tests.</summary>
internal static class DashboardPeople
{
    public const string Ambon = "Pemerintah Kota Ambon";
    public const string Jambi = "Pemerintah Provinsi Jambi";

    public static async Task<(Person Ambon, Person Jambi)> AddTwoAgenciesAsync(BotApp app)
    {
        var ambon = Person("198503122010011003", "Siti Rahma", Ambon, "Dinas Kesehatan", "Maluku");
        var jambi = Person("199001012015032001", "Rina Marlina", Jambi, "BKPSDM", "Jambi");
        await app.QueryAsync(async db =>
        {
            db.AddRange(ambon, jambi);
            db.Add(new ChannelAccount { PersonId = ambon.Id, Channel = "web", Address = "web-ambon" });
            db.Add(new ChannelAccount { PersonId = jambi.Id, Channel = "web", Address = "web-jambi" });
            db.Add(Survey(ambon.Id, ("M.3", 1, 3)));
            db.Add(Survey(jambi.Id, ("M.3", 2, 2)));
            return await db.SaveChangesAsync();
        });
        return (ambon, jambi);
    }

    public static Person Person(string nip, string name, string agency, string unit, string province) => new()
    {
        Nip = nip, FullName = name, Agency = agency, Unit = unit, Position = "Analis Kebijakan", JobLevel = "fungsional-muda",
        Province = province, City = province == "Maluku" ? "Kota Ambon" : "Kota Jambi",
        TimeZone = province == "Maluku" ? IndonesianTimeZone.WIT : IndonesianTimeZone.WIB,
        RegisteredAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
    };

    public static NeedsSurvey Survey(Guid personId, params (string Code, int Current, int Required)[] ratings)
    {
        var survey = new NeedsSurvey { PersonId = personId, JobLevel = "fungsional-muda", StartedAt = DateTimeOffset.UtcNow.AddMinutes(-5), CompletedAt = DateTimeOffset.UtcNow };
        survey.Ratings.AddRange(ratings.Select(r => new CompetencyRating { SurveyId = survey.Id, CompetencyCode = r.Code, CurrentLevel = r.Current, RequiredLevel = r.Required }));
        return survey;
    }
}
