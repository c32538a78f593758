using System.Net.Http.Json;
using System.Text.Json;
using AsnBot.Bot.Tests.Delivery;
using AsnBot.Bot.Tests.Support;
using AsnBot.Knowledge.LearningHours;
using AsnBot.Knowledge.Mentoring;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsnBot.Bot.Tests.Evaluation;

/// <summary>
/// A mentoring pair on a 14-day rhythm, on a fake clock: the mentor in Ambon (WIT), the mentee
/// and the coordinator in Medan (WIB).
/// </summary>
public sealed class MentoringTimelineTests
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_rhythm_reminds_the_day_before_follows_up_after_credits_held_sessions_and_escalates_two_missed_check_ins()
    {
        await using var bot = new OutboxFixture(Utc(2026, 12, 1, 3));
        var mentor = await bot.AddPersonAsync("mentor", zone: IndonesianTimeZone.WIT, province: "Maluku");
        var mentee = await bot.AddPersonAsync("mentee");
        var coordinator = await bot.AddPersonAsync("koordinator");
        using var http = await bot.App.CreateSignedInClientAsync();
        var paired = await http.PostAsJsonAsync("/api/mentoring/pairs", new
        {
            mentorNip = await bot.NipAsync(mentor), menteeNip = await bot.NipAsync(mentee), everyDays = 14,
            firstSessionOn = "2026-12-15", coordinatorNip = await bot.NipAsync(coordinator), createdBy = "BKPSDM Kota Medan",
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, paired.StatusCode);

        Assert.Equal(0, await bot.RunDueWorkAsync("mentoring"));

        // Session 1 on Tuesday 15 December: the mentor is reminded on the 14th at 09:00 WIT.
        bot.Time.SetUtcNow(Utc(2026, 12, 13, 23, 55));
        Assert.Equal(0, await bot.RunDueWorkAsync("mentoring"));
        bot.Time.SetUtcNow(Utc(2026, 12, 14, 0));
        Assert.Equal(1, await bot.RunDueWorkAsync("mentoring"));
        var reminder = Assert.Single(await bot.DeliverAsync("mentor"));
        Assert.Contains("besok, Selasa, 15 Desember 2026, jadwal sesi mentoring Anda dengan Orang mentee", reminder, StringComparison.Ordinal);

        // The mentor records it the same afternoon from the chat.
        bot.Time.SetUtcNow(Utc(2026, 12, 15, 7));
        var open = await bot.StartAsync("mentor", "mentoring-session");
        Assert.Contains("Orang mentee (Selasa, 15 Desember 2026): apakah sesi ini terlaksana?", open.Replies[^1].Text, StringComparison.Ordinal);
        await bot.SayAsync("mentor", "Ya, terlaksana");
        await bot.SayAsync("mentor", "Menyusun SOP loket pengaduan");
        var saved = await bot.SayAsync("mentor", "Draf SOP selesai minggu ini");
        Assert.Contains(saved.Replies, r => r.Text.Contains("Orang mentee mendapat 2 JP mentoring", StringComparison.Ordinal));
        var jp = await bot.App.QueryAsync(db => db.Set<LearningHoursEntry>().AsNoTracking().SingleAsync());
        Assert.Equal((mentee, "NKL02", LearningSource.Mentoring, 2m, new DateOnly(2026, 12, 15)), (jp.PersonId, jp.PathCode, jp.Source, jp.Jp, jp.LearnedOn));

        // The day after at 09:00: no record prompt for the mentor (done), a follow-up for the mentee.
        bot.Time.SetUtcNow(Utc(2026, 12, 16, 0));
        Assert.Equal(0, await bot.RunDueWorkAsync("mentoring"));
        bot.Time.SetUtcNow(Utc(2026, 12, 16, 2));
        Assert.Equal(1, await bot.RunDueWorkAsync("mentoring"));
        var followUp = await bot.DeliverAsync("mentee");
        Assert.Contains(followUp, t => t.Contains("Draf SOP selesai minggu ini", StringComparison.Ordinal) && t.Contains("Apa yang sudah Anda praktikkan?", StringComparison.Ordinal));
        await bot.SayAsync("mentee", "Draf SOP sudah saya kirim ke kepala seksi");
        Assert.Equal("Draf SOP sudah saya kirim ke kepala seksi", await bot.App.QueryAsync(db => db.Set<MentoringSession>().Where(s => s.Number == 1).Select(s => s.MenteePractice).SingleAsync()));

        // Session 2 on 29 December: reminded, asked to record the day after, never recorded: missed after three days.
        foreach (var moment in new[] { Utc(2026, 12, 28, 0), Utc(2026, 12, 30, 0), Utc(2026, 12, 31, 0), Utc(2027, 1, 1, 0) })
        {
            bot.Time.SetUtcNow(moment);
            await bot.RunDueWorkAsync("mentoring");
        }

        // Session 3 on 12 January: reminded, then recorded as not held: two in a row reach the coordinator.
        bot.Time.SetUtcNow(Utc(2027, 1, 11, 0));
        await bot.RunDueWorkAsync("mentoring");
        bot.Time.SetUtcNow(Utc(2027, 1, 12, 8));
        await bot.StartAsync("mentor", "mentoring-session");
        var notHeld = await bot.SayAsync("mentor", "Tidak terlaksana");
        Assert.Contains(notHeld.Replies, r => r.Text.Contains("tidak terlaksana", StringComparison.Ordinal));
        Assert.Equal(1, await bot.RunDueWorkAsync("mentoring"));
        var escalation = Assert.Single(await bot.DeliverAsync("koordinator"));
        Assert.Contains("Mentoring Orang mentor dengan Orang mentee terlewat 2 kali berturut-turut", escalation, StringComparison.Ordinal);
        Assert.Equal(0, await bot.RunDueWorkAsync("mentoring"));

        Assert.Equal(
            [
                new PlannedMessage("mentor", "reminder outbox.mentoring_reminder", "2026-12-14 09:00 WIT"),
                new PlannedMessage("mentee", "follow-up mentoring-follow-up", "2026-12-16 09:00 WIB"),
                new PlannedMessage("mentor", "reminder outbox.mentoring_reminder", "2026-12-28 09:00 WIT"),
                new PlannedMessage("mentor", "record mentoring-session", "2026-12-30 09:00 WIT"),
                new PlannedMessage("mentor", "reminder outbox.mentoring_reminder", "2027-01-11 09:00 WIT"),
                new PlannedMessage("koordinator", "escalation outbox.mentoring_escalation", "2027-01-12 15:00 WIB"),
            ],
            await bot.PlannedAsync());

        var sessions = await bot.App.QueryAsync(db => db.Set<MentoringSession>().AsNoTracking().OrderBy(s => s.Number).Select(s => s.Status).ToListAsync());
        Assert.Equal([MentoringSessionStatus.Held, MentoringSessionStatus.Missed, MentoringSessionStatus.NotHeld], sessions);
        Assert.Single(await bot.App.QueryAsync(db => db.Set<LearningHoursEntry>().AsNoTracking().ToListAsync()));

        // Weeks have passed on the bot's clock since the first sign-in: its session has expired.
        using var later = await bot.App.CreateSignedInClientAsync();
        var escalations = await later.GetFromJsonAsync<JsonElement>("/api/mentoring/escalations");
        var open3 = Assert.Single(escalations.EnumerateArray());
        Assert.Equal(("Orang mentor", "Orang mentee", 3), (open3.GetProperty("mentor").GetString(), open3.GetProperty("mentee").GetString(), open3.GetProperty("sessionNumber").GetInt32()));
        var pairs = await later.GetFromJsonAsync<JsonElement>("/api/mentoring/pairs");
        var pair = Assert.Single(pairs.EnumerateArray());
        Assert.Equal((1, 2), (pair.GetProperty("sessionsHeld").GetInt32(), pair.GetProperty("sessionsMissed").GetInt32()));
    }

    [Fact]
    public async Task A_change_project_milestone_is_reminded_on_its_day_until_it_is_ticked_off()
    {
        await using var bot = new OutboxFixture(Utc(2026, 12, 1, 3));
        var alumnus = await bot.AddPersonAsync("alumni");
        var settings = bot.App.Services.GetRequiredService<MentoringSettings>();
        var project = await bot.App.QueryAsync(async db =>
        {
            var started = ChangeProjects.Start(db, settings, alumnus, "PLT-048", "Antrean daring loket perizinan", new DateOnly(2026, 12, 1), bot.Time.GetUtcNow());
            await db.SaveChangesAsync();
            return started.Id;
        });

        bot.Time.SetUtcNow(Utc(2026, 12, 8, 1, 55)); // 08:55 WIB on the first milestone's day
        Assert.Equal(0, await bot.RunDueWorkAsync("mentoring"));
        bot.Time.SetUtcNow(Utc(2026, 12, 8, 2));
        Assert.Equal(1, await bot.RunDueWorkAsync("mentoring"));
        var reminder = Assert.Single(await bot.DeliverAsync("alumni"));
        Assert.Contains("\"Rancangan aksi perubahan disetujui mentor\"", reminder, StringComparison.Ordinal);

        await bot.App.QueryAsync(db => db.Set<ChangeProjectMilestone>().Where(m => m.ProjectId == project && m.Number == 1)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.DoneAt, bot.Time.GetUtcNow())));
        bot.Time.SetUtcNow(Utc(2026, 12, 15, 2));
        Assert.Equal(1, await bot.RunDueWorkAsync("mentoring"));
        await bot.App.QueryAsync(db => db.Set<ChangeProjectMilestone>().Where(m => m.ProjectId == project && m.Number == 2)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.DoneAt, bot.Time.GetUtcNow())));
        bot.Time.SetUtcNow(Utc(2026, 12, 16, 2));
        Assert.Equal(0, await bot.RunDueWorkAsync("mentoring"));

        Assert.Equal(
            [
                new PlannedMessage("alumni", "1 outbox.change_project_milestone", "2026-12-08 09:00 WIB"),
                new PlannedMessage("alumni", "2 outbox.change_project_milestone", "2026-12-15 09:00 WIB"),
            ],
            await bot.PlannedAsync());
    }

    [Fact]
    public async Task Pairing_someone_unknown_or_oneself_or_with_an_unknown_role_is_refused_with_an_Indonesian_reason()
    {
        await using var bot = new OutboxFixture();
        var mentor = await bot.AddPersonAsync("mentor");
        using var http = await bot.App.CreateSignedInClientAsync();
        var response = await http.PostAsJsonAsync("/api/mentoring/pairs", new { mentorNip = await bot.NipAsync(mentor), menteeNip = "199001012015011001" });
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("tidak ada pegawai terdaftar dengan NIP mentee ini", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var self = await http.PostAsJsonAsync("/api/mentoring/pairs", new { mentorNip = await bot.NipAsync(mentor), menteeNip = await bot.NipAsync(mentor) });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, self.StatusCode);
        Assert.Contains("tidak dapat menjadi mentor bagi dirinya sendiri", await self.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var role = await http.PostAsJsonAsync("/api/mentoring/pairs", new { mentorNip = await bot.NipAsync(mentor), menteeNip = "199001012015011001", role = "kakak" });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, role.StatusCode);
        Assert.Contains("'kakak' bukan mentor atau atasan", await role.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
