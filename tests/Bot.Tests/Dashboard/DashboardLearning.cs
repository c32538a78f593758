using AsnBot.Bot.Tests.Support;
using AsnBot.Knowledge.Enrollments;
using AsnBot.Knowledge.Evaluation;
using AsnBot.Knowledge.LearningHours;
using AsnBot.Knowledge.Mentoring;
using AsnBot.Knowledge.Profiles;
using AsnBot.Knowledge.Questions;

namespace AsnBot.Bot.Tests.Dashboard;

/// <summary>
/// The same learning record for one person of each agency, written straight to the database:
/// an attended enrollment in PLT-001, a level 1 answer, a level 2 gain, a non-respondent, a JP
/// claim waiting with its certificate, a mentoring pair with a missed check-in and an escalation,
/// and an open question. Ambon's scores are 5s, Jambi's 1s, so a mixed aggregate shows.
/// </summary>
internal static class DashboardLearning
{
    public const string Training = "PLT-001";

    public sealed record Seeded(Person Person, Person Mentor, Guid EnrollmentId, Guid ClaimId, Guid CertificateId, Guid PairId, long QuestionId);

    public static async Task<(Seeded Ambon, Seeded Jambi)> AddAsync(BotApp app)
    {
        var (ambon, jambi) = await DashboardPeople.AddTwoAgenciesAsync(app);
        var ambonMentor = DashboardPeople.Person("197801012005011002", "Yusuf Latuconsina", DashboardPeople.Ambon, "Dinas Kesehatan", "Maluku");
        var jambiMentor = DashboardPeople.Person("197905052006042003", "Dewi Kartika", DashboardPeople.Jambi, "BKPSDM", "Jambi");
        await app.QueryAsync(async db =>
        {
            db.AddRange(ambonMentor, jambiMentor);
            return await db.SaveChangesAsync();
        });
        return (await RecordAsync(app, ambon, ambonMentor, 5, 80m), await RecordAsync(app, jambi, jambiMentor, 1, 20m));
    }

    private static async Task<Seeded> RecordAsync(BotApp app, Person person, Person mentor, int score, decimal gain)
    {
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var enrollment = new Enrollment { PersonId = person.Id, TrainingCode = Training, SessionId = "PLT-001-A", Status = EnrollmentStatus.Attended, CreatedAt = now };
        var reaction = Request(enrollment, EvaluationLevel.Reaction, EvaluationRole.Participant, person.Id, person.Id, EvaluationStatus.Answered, now);
        var silent = Request(enrollment, EvaluationLevel.Behaviour, EvaluationRole.Mentor, mentor.Id, person.Id, EvaluationStatus.NotResponded, now);
        var claim = new LearningHoursEntry
        {
            PersonId = person.Id, Year = today.Year, LearnedOn = today, PathCode = "NKL05", Source = LearningSource.Certificate, Title = "Webinar " + person.FullName,
            Jp = 3m, Status = LearningHoursStatus.PendingVerification, SourceRef = $"certificate:{Guid.NewGuid()}", RecordedAt = now,
        };
        var certificate = new Certificate { PersonId = person.Id, EntryId = claim.Id, FileName = "sertifikat.pdf", ContentType = "application/pdf", Content = "%PDF-1.4 uji"u8.ToArray(), UploadedAt = now };
        var pair = new MentoringPair { MentorId = mentor.Id, MenteeId = person.Id, FirstSessionOn = today.AddDays(-30), EveryDays = 14, CreatedAt = now.AddDays(-40) };
        var question = new PersonQuestion { PersonId = person.Id, Text = "Pertanyaan dari " + person.FullName, AskedAt = now };
        await app.QueryAsync(async db =>
        {
            db.AddRange(enrollment, reaction, silent, claim, certificate, pair, question);
            db.Add(new EvaluationAnswer { RequestId = reaction.Id, Item = "fasilitator.penguasaan-materi", Score = score });
            db.Add(new LearningGain { EnrollmentId = enrollment.Id, TrainingCode = Training, ParticipantId = person.Id, PreScore = 10m, PostScore = 10m + gain, Gain = gain, RecordedAt = now });
            db.Add(new MentoringSession { PairId = pair.Id, Number = 1, ScheduledOn = pair.FirstSessionOn, Status = MentoringSessionStatus.Missed, CreatedAt = now });
            db.Add(new MentoringSession { PairId = pair.Id, Number = 2, ScheduledOn = pair.SessionOn(2), Status = MentoringSessionStatus.Scheduled, CreatedAt = now });
            db.Add(new MentoringEscalation { PairId = pair.Id, SessionNumber = 2, CreatedAt = now });
            return await db.SaveChangesAsync();
        });
        return new Seeded(person, mentor, enrollment.Id, claim.Id, certificate.Id, pair.Id, question.Id);
    }

    private static EvaluationRequest Request(Enrollment enrollment, EvaluationLevel level, EvaluationRole role, Guid recipient, Guid participant, EvaluationStatus status, DateTimeOffset now) => new()
    {
        EnrollmentId = enrollment.Id, TrainingCode = Training, Level = level, Role = role, RecipientId = recipient, ParticipantId = participant,
        DueAt = now, AskedAt = now, Status = status, CreatedAt = now, ClosedAt = now,
    };
}
