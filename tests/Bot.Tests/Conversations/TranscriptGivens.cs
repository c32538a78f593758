using AsnBot.Bot.Tests.Support;
using AsnBot.Knowledge.Enrollments;
using AsnBot.Knowledge.Mentoring;
using AsnBot.Knowledge.Profiles;
using AsnBot.Scheduler.DueWork;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsnBot.Bot.Tests.Conversations;

/// <summary>
/// What a transcript's <c>given:</c> line sets up for the person in the chat, standing in for a
/// coordinator's action: <c>given: completed PLT-021</c> (the training is completed and the
/// due questionnaires are asked), <c>given: mentee with a session today</c>.
/// </summary>
internal static class TranscriptGivens
{
    public static async Task ApplyAsync(BotApp app, string sessionId, string given, string where)
    {
        var person = await app.QueryAsync(db => db.Set<ChannelAccount>().Where(c => c.Channel == "web" && c.Address == sessionId).Select(c => (Guid?)c.PersonId).FirstOrDefaultAsync());
        Assert.True(person is not null, $"{where}: 'given:' needs a registered person in the chat");
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var words = given.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        switch (words)
        {
            case ["completed", var training]:
                await app.QueryAsync(db =>
                {
                    db.Add(new Enrollment { PersonId = person.Value, TrainingCode = training, Status = EnrollmentStatus.Completed, CreatedAt = now, CompletedAt = now });
                    return db.SaveChangesAsync();
                });
                await app.Services.GetServices<IDueWork>().Single(w => w.Name == "evaluations").EnqueueDueAsync(now, CancellationToken.None);
                break;
            case ["mentee", "with", "a", "session", "today"]:
                await app.QueryAsync(async db =>
                {
                    var zone = await db.Set<Person>().Where(p => p.Id == person.Value).Select(p => p.TimeZone).FirstAsync();
                    var today = DateOnly.FromDateTime(zone.ToLocal(now).DateTime);
                    var mentee = new Person
                    {
                        Nip = "19930303" + "201901" + "1" + Random.Shared.Next(100, 999).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        FullName = "Rahmat Hidayat", Agency = "Pemerintah Kota Ambon", Unit = "Bagian Umum", Position = "Pengadministrasi Umum",
                        JobLevel = "pelaksana", Province = "Maluku", City = "Kota Ambon", TimeZone = IndonesianTimeZone.WIT, RegisteredAt = now, UpdatedAt = now,
                    };
                    var pair = new MentoringPair { MentorId = person.Value, MenteeId = mentee.Id, EveryDays = 14, FirstSessionOn = today, CreatedAt = now };
                    db.AddRange(mentee, pair, new MentoringSession { PairId = pair.Id, Number = 1, ScheduledOn = today, CreatedAt = now });
                    return await db.SaveChangesAsync();
                });
                break;
            default:
                Assert.Fail($"{where}: unknown 'given: {given}'");
                break;
        }
    }
}
