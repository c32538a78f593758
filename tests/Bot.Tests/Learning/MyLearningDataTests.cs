using AsnBot.Bot.Tests.Channels.Web;
using AsnBot.Bot.Tests.Delivery;
using AsnBot.Knowledge.Enrollments;
using AsnBot.Knowledge.Evaluation;
using AsnBot.Knowledge.Learning;
using AsnBot.Knowledge.LearningHours;
using AsnBot.Knowledge.Mentoring;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Bot.Tests.Learning;

public sealed class MyLearningDataTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Dataku_over_the_web_chat_shows_this_years_JP_certificates_modules_evaluation_answers_mentoring_as_mentor_and_mentee_and_change_projects()
    {
        await using var bot = new OutboxFixture(Now);
        var chat = bot.App.Chat();
        await RegistrationOverWebChatTests.RegisterAsync(chat);
        var mentor = await bot.AddPersonAsync("mentor");
        var mentee = await bot.AddPersonAsync("binaan");
        await bot.App.QueryAsync(async db =>
        {
            var me = await db.Set<Person>().SingleAsync(p => p.Nip == "198503122010011003");
            LearningHoursEntry Entry(int year, string title, decimal jp, LearningHoursStatus status, string path = "KL03") => new()
            {
                PersonId = me.Id, Year = year, LearnedOn = new DateOnly(year, 3, 2), PathCode = path, Source = LearningSource.Training,
                Title = title, Jp = jp, Status = status, SourceRef = "test:" + title, RecordedAt = Now,
            };
            var claim = Entry(2026, "Kursus Excel Lanjutan", 8, LearningHoursStatus.PendingVerification, "KL08");
            db.AddRange(Entry(2026, "Literasi Digital", 16, LearningHoursStatus.Credited), Entry(2025, "Pelatihan Tahun Lalu", 30, LearningHoursStatus.Credited), claim);
            db.Add(new Certificate { PersonId = me.Id, EntryId = claim.Id, FileName = "sertifikat-excel.pdf", ContentType = "application/pdf", Content = [1, 2, 3], UploadedAt = Now });
            db.Add(new ModuleEnrollment { PersonId = me.Id, ModuleId = "manajemen-waktu", LessonsDone = 2, EnrolledAt = Now.AddDays(-3) });
            db.Add(new LessonResult { PersonId = me.Id, ModuleId = "manajemen-waktu", LessonId = "ml-manajemen-waktu-01", CompletedOn = new DateOnly(2026, 11, 28), CompletedAt = Now, Questions = 2, Correct = 1 });
            var enrollment = new Enrollment { PersonId = me.Id, TrainingCode = "PLT-009", Status = EnrollmentStatus.Completed, CreatedAt = Now, UpdatedAt = Now, CompletedAt = Now };
            db.Add(enrollment);
            var request = new EvaluationRequest
            {
                EnrollmentId = enrollment.Id, TrainingCode = "PLT-009", Level = EvaluationLevel.Reaction, Role = EvaluationRole.Participant,
                RecipientId = me.Id, ParticipantId = me.Id, DueAt = Now, Status = EvaluationStatus.Answered, AskedAt = Now, ClosedAt = Now, CreatedAt = Now,
            };
            db.Add(request);
            db.AddRange(
                new EvaluationAnswer { RequestId = request.Id, Item = "fasilitator.penguasaan-materi", Score = 5 },
                new EvaluationAnswer { RequestId = request.Id, Item = "komentar", Text = "Ruang kelas terlalu panas" });
            var guided = new MentoringPair { MentorId = mentor, MenteeId = me.Id, EveryDays = 14, FirstSessionOn = new DateOnly(2026, 11, 3), CreatedAt = Now.AddDays(-30) };
            var guiding = new MentoringPair { MentorId = me.Id, MenteeId = mentee, EveryDays = 28, FirstSessionOn = new DateOnly(2026, 11, 10), CreatedAt = Now.AddDays(-20) };
            db.AddRange(guided, guiding);
            db.Add(new MentoringSession
            {
                PairId = guided.Id, Number = 1, ScheduledOn = new DateOnly(2026, 11, 3), Status = MentoringSessionStatus.Held, Topic = "SOP loket",
                AgreedAction = "Draf SOP minggu ini", MenteePractice = "Draf sudah dikirim", RecordedAt = Now, CreatedAt = Now,
            });
            db.Add(new ChangeProject
            {
                PersonId = me.Id, TrainingCode = "PLT-009", Title = "Layanan antrean daring", StartedOn = new DateOnly(2026, 10, 1), DueOn = new DateOnly(2026, 11, 30), CreatedAt = Now,
                Milestones =
                [
                    new ChangeProjectMilestone { Number = 1, Title = "Izin mentor", DueOn = new DateOnly(2026, 10, 15), DoneAt = Now.AddDays(-40) },
                    new ChangeProjectMilestone { Number = 2, Title = "Uji coba loket", DueOn = new DateOnly(2026, 11, 15) },
                ],
            });
            return await db.SaveChangesAsync();
        });

        await chat.SayAsync("/dataku");

        var text = chat.LastText;
        foreach (var expected in new[]
        {
            "JP tahun 2026 (tercatat 16 JP):",
            "2 Mar 2026: Literasi Digital (KL03), 16 JP, tercatat",
            "2 Mar 2026: Kursus Excel Lanjutan (KL08), 8 JP, menunggu verifikasi pengelola",
            "sertifikat-excel.pdf, dikirim 1 Des 2026 12.00 WIT: Kursus Excel Lanjutan, 8 JP, menunggu verifikasi pengelola",
            "Manajemen Waktu: 2 dari 6 materi, sedang berjalan, sejak 28 Nov 2026 12.00 WIT (kuis benar 1 dari 2)",
            "Penilaian pelatihan Sosialisasi Tata Kelola dan Aplikasi Umum SPBE (PLT-009), dijawab 1 Des 2026 12.00 WIT: Fasilitator: penguasaan materi = 5; komentar = \"Ruang kelas terlalu panas\"",
            "Mentor Anda Orang mentor: setiap 14 hari sejak 3 Nov 2026 (aktif)",
            "◦ Sesi 1, 3 Nov 2026: terlaksana; topik: SOP loket; tindak lanjut: Draf SOP minggu ini; yang dipraktikkan: Draf sudah dikirim",
            "Anda mentor bagi Orang binaan: setiap 28 hari sejak 10 Nov 2026 (aktif)",
            "Layanan antrean daring (PLT-009): 1 Okt 2026 sampai 30 Nov 2026",
            "◦ Tahap 1: Izin mentor, target 15 Okt 2026 (selesai)",
            "◦ Tahap 2: Uji coba loket, target 15 Nov 2026 (belum selesai)",
        })
            Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Pelatihan Tahun Lalu", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("Mentor Anda", StringComparison.Ordinal) < text.IndexOf("◦ Sesi 1", StringComparison.Ordinal));
        Assert.True(text.IndexOf("◦ Sesi 1", StringComparison.Ordinal) < text.IndexOf("Anda mentor bagi", StringComparison.Ordinal));
    }
}
