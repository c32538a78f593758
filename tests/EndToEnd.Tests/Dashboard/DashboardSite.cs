using AsnBot.Dashboard.Access;
using AsnBot.Knowledge.Enrollments;
using AsnBot.Knowledge.Evaluation;
using AsnBot.Knowledge.LearningHours;
using AsnBot.Knowledge.Mentoring;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Profiles;
using AsnBot.Knowledge.Surveys;
using AsnBot.TestPeers;
using AsnBot.TestPeers.Telegram;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AsnBot.EndToEnd.Tests.Dashboard;

/// <summary>
/// The real bot on a loopback Kestrel port, sending through the fake Telegram Bot API server,
/// with people of two agencies, an admin and a coordinator of one agency, and one headless
/// Debian chromium (driven by Playwright) for the whole test class.
/// </summary>
public sealed class DashboardSite : IAsyncLifetime
{
    public const string Password = "Uji-Dasbor-2026!";
    public const string AdminEmail = "admin@bkpsdm.go.id";
    public const string CoordinatorEmail = "pengelola@ambon.go.id";
    public const string Ambon = "Pemerintah Kota Ambon";
    public const string Jambi = "Pemerintah Provinsi Jambi";

    private readonly string _database = Path.Combine(Path.GetTempPath(), $"asnbot-dashboard-{Guid.NewGuid():N}.db");
    private readonly string _profile = Path.Combine(Path.GetTempPath(), $"asnbot-chromium-{Guid.NewGuid():N}");
    private WebApplication _bot = null!;
    private IPlaywright _playwright = null!;

    public FakeTelegramServer Telegram { get; private set; } = null!;
    public IBrowserContext Browser { get; private set; } = null!;
    public Uri BaseUrl { get; private set; } = null!;
    public Person AmbonPerson { get; private set; } = null!;
    public Person JambiPerson { get; private set; } = null!;
    public IReadOnlyList<SimulatedUser> JambiTelegramUsers { get; private set; } = [];

    /// <summary>Screenshots of the main pages, kept with the test output.</summary>
    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        Telegram = await FakeTelegramServer.StartAsync();
        _bot = BotHost.Build([
            "--urls=http://127.0.0.1:0",
            $"--ConnectionStrings:AsnBot=Data Source={_database}",
            $"--Content:DialogsPath={RepoPaths.Dialogs}",
            $"--Content:DataPath={RepoPaths.Data}",
            $"--Telegram:BotToken={Telegram.Token}",
            $"--Telegram:ApiBaseUrl={Telegram.BaseUrl}",
            "--Scheduler:Enabled=false",
            // A broadcast goes out at once whatever the hour the tests run at.
            "--Scheduler:QuietHours=",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await _bot.StartAsync();
        BaseUrl = new Uri(_bot.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        await SeedAsync();

        _playwright = await Playwright.CreateAsync();
        Directory.CreateDirectory(_profile);
        Directory.CreateDirectory(Screenshots);
        Browser = await _playwright.Chromium.LaunchPersistentContextAsync(_profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ChromiumOnPath(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            Locale = "id-ID",
            AcceptDownloads = true,
            BaseURL = BaseUrl.ToString(),
        });
        Browser.SetDefaultTimeout(20_000);
        // Interactive pages render over a circuit: on a busy two-core machine 5 s is not enough.
        Assertions.SetDefaultExpectTimeout(20_000);

        // The first sign-in pays for all that runs for the first time (the pages' rendering, the
        // password check, the summary's queries), which on a busy machine has taken over 20 s:
        // done here with time to spare, so that no test's timeouts pay for it.
        var warm = await SignInAsync(AdminEmail, TimeSpan.FromSeconds(120));
        await Assertions.Expect(warm.GetByTestId("stat-people")).ToBeVisibleAsync(new() { Timeout = 120_000 });
        await warm.CloseAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await _bot.StopAsync();
        await _bot.DisposeAsync();
        await Telegram.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(_database + suffix);
        Directory.Delete(_profile, recursive: true);
    }

    /// <summary>A fresh page signed in as the given account (cookies of an earlier test are dropped first).</summary>
    public Task<IPage> SignInAsync(string email) => SignInAsync(email, timeout: null);

    private async Task<IPage> SignInAsync(string email, TimeSpan? timeout)
    {
        await Browser.ClearCookiesAsync();
        var page = await Browser.NewPageAsync();
        if (timeout is { } longer)
            page.SetDefaultTimeout((float)longer.TotalMilliseconds);
        // What the browser reports (script errors, failed requests) goes next to the screenshots, for a failing run.
        page.Console += (_, message) => File.AppendAllText(Path.Combine(Screenshots, "browser-console.log"), $"{message.Type}: {message.Text}\n");
        await page.GotoAsync("/admin/masuk");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("button[type=submit]");
        // Only the address is waited for: once, on a busy machine, the page's "load" event was
        // never reported although the network had gone idle. What a test reads of the page it
        // waits for itself.
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/admin", new() { WaitUntil = WaitUntilState.Commit });
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    public Task<T> QueryAsync<T>(Func<AsnBotDbContext, Task<T>> query) => QueryAsync<AsnBotDbContext, T>(query);

    public async Task<T> QueryAsync<TContext, T>(Func<TContext, Task<T>> query) where TContext : notnull
    {
        await using var scope = _bot.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TContext>());
    }

    private async Task SeedAsync()
    {
        await using var scope = _bot.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AsnBotDbContext>();
        AmbonPerson = Person("198503122010011003", "Siti Rahma", Ambon, "Dinas Kesehatan", "Maluku", IndonesianTimeZone.WIT);
        var ambonSecond = Person("198807142012121002", "Yohanis Latuheru", Ambon, "Dinas Pendidikan", "Maluku", IndonesianTimeZone.WIT);
        JambiPerson = Person("199001012015032001", "Rina Marlina", Jambi, "BKPSDM", "Jambi", IndonesianTimeZone.WIB);
        var jambiPeople = new[]
        {
            JambiPerson,
            Person("199203052018011004", "Andi Saputra", Jambi, "BKPSDM", "Jambi", IndonesianTimeZone.WIB),
            Person("199405102019032002", "Dewi Lestari", Jambi, "Dinas Kominfo", "Jambi", IndonesianTimeZone.WIB),
        };
        db.AddRange([AmbonPerson, ambonSecond, .. jambiPeople]);
        JambiTelegramUsers = [.. jambiPeople.Select(p => Telegram.CreateUser(p.FullName.Split(' ')[0]))];
        for (var i = 0; i < jambiPeople.Length; i++)
            db.Add(new ChannelAccount { PersonId = jambiPeople[i].Id, Channel = "telegram", Address = JambiTelegramUsers[i].ChatId.ToString(System.Globalization.CultureInfo.InvariantCulture), LinkedAt = DateTimeOffset.UtcNow });
        db.Add(new ChannelAccount { PersonId = AmbonPerson.Id, Channel = "web", Address = "web-siti", LinkedAt = DateTimeOffset.UtcNow });
        db.Add(new ChannelAccount { PersonId = ambonSecond.Id, Channel = "web", Address = "web-yohanis", LinkedAt = DateTimeOffset.UtcNow });
        db.Add(Survey(AmbonPerson.Id, ("M.1", 2, 3), ("M.3", 1, 3), ("M.5", 2, 3)));
        db.Add(Survey(ambonSecond.Id, ("M.1", 3, 3), ("M.3", 2, 3), ("M.5", 1, 3)));
        db.Add(Survey(JambiPerson.Id, ("M.1", 3, 3), ("M.3", 3, 3), ("M.5", 2, 3)));
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        db.Add(new LearningHoursEntry
        {
            PersonId = JambiPerson.Id, Year = today.Year, LearnedOn = today, PathCode = "KL03", Source = LearningSource.Training,
            Title = "Pelatihan Analisis Data", Jp = 24m, SourceRef = "enrollment:uji", RecordedAt = DateTimeOffset.UtcNow,
        });
        SeedLearning(db, ambonSecond);
        await db.SaveChangesAsync();

        var users = services.GetRequiredService<UserManager<DashboardUser>>();
        var accounts = services.GetRequiredService<DashboardAccounts>();
        foreach (var (email, role, agencies) in new[] { (AdminEmail, DashboardRoles.Admin, Array.Empty<string>()), (CoordinatorEmail, DashboardRoles.Coordinator, [Ambon]) })
        {
            var user = new DashboardUser { UserName = email, Email = email, EmailConfirmed = true };
            var created = await users.CreateAsync(user, Password);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
            await accounts.SetRoleAsync(user, role, agencies);
        }
    }

    /// <summary>A training under 20 JP, so completing it leaves the overview's "reached 20 JP" figure alone.</summary>
    public const string EvaluatedTraining = "PLT-005";

    /// <summary>
    /// Enrollments in <see cref="EvaluatedTraining"/> (Siti attended, Yohanis registered, Rina of
    /// Jambi attended), their level 1 answers (Siti 5 and 4, Rina 4 and 2; Yohanis never answered),
    /// level 2 gains of 30 and 10 points, a level 3 answer by Siti (4) and by her mentor Yohanis (3),
    /// and their mentoring pair with a missed check-in and an open escalation.
    /// </summary>
    private void SeedLearning(AsnBotDbContext db, Person ambonSecond)
    {
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        Enrollment Enroll(Person person, EnrollmentStatus status) =>
            new() { PersonId = person.Id, TrainingCode = EvaluatedTraining, SessionId = null, Status = status, CreatedAt = now };
        var siti = Enroll(AmbonPerson, EnrollmentStatus.Attended);
        var yohanis = Enroll(ambonSecond, EnrollmentStatus.Registered);
        var rina = Enroll(JambiPerson, EnrollmentStatus.Attended);
        db.AddRange(siti, yohanis, rina);
        EvaluationRequest Ask(Enrollment enrollment, EvaluationLevel level, EvaluationRole role, Guid recipient, EvaluationStatus status, params (string Item, int Score)[] answers)
        {
            var request = new EvaluationRequest
            {
                EnrollmentId = enrollment.Id, TrainingCode = EvaluatedTraining, Level = level, Role = role, RecipientId = recipient, ParticipantId = enrollment.PersonId,
                DueAt = now, AskedAt = now, Status = status, CreatedAt = now, ClosedAt = now,
            };
            db.Add(request);
            db.AddRange(answers.Select(a => new EvaluationAnswer { RequestId = request.Id, Item = a.Item, Score = a.Score }));
            return request;
        }
        Ask(siti, EvaluationLevel.Reaction, EvaluationRole.Participant, AmbonPerson.Id, EvaluationStatus.Answered, ("fasilitator.penguasaan-materi", 5), ("penyelenggara.sarana-prasarana", 4));
        Ask(rina, EvaluationLevel.Reaction, EvaluationRole.Participant, JambiPerson.Id, EvaluationStatus.Answered, ("fasilitator.penguasaan-materi", 4), ("penyelenggara.sarana-prasarana", 2));
        Ask(yohanis, EvaluationLevel.Reaction, EvaluationRole.Participant, ambonSecond.Id, EvaluationStatus.NotResponded);
        Ask(siti, EvaluationLevel.Behaviour, EvaluationRole.Participant, AmbonPerson.Id, EvaluationStatus.Answered, ("menerapkan", 4));
        Ask(siti, EvaluationLevel.Behaviour, EvaluationRole.Mentor, ambonSecond.Id, EvaluationStatus.Answered, ("menerapkan", 3));
        db.Add(new LearningGain { EnrollmentId = siti.Id, TrainingCode = EvaluatedTraining, ParticipantId = AmbonPerson.Id, PreScore = 40m, PostScore = 70m, Gain = 30m, RecordedAt = now });
        db.Add(new LearningGain { EnrollmentId = rina.Id, TrainingCode = EvaluatedTraining, ParticipantId = JambiPerson.Id, PreScore = 50m, PostScore = 60m, Gain = 10m, RecordedAt = now });
        var pair = new MentoringPair { MentorId = ambonSecond.Id, MenteeId = AmbonPerson.Id, FirstSessionOn = today.AddDays(-30), EveryDays = 14, CreatedAt = now.AddDays(-40) };
        db.Add(pair);
        db.Add(new MentoringSession { PairId = pair.Id, Number = 1, ScheduledOn = pair.FirstSessionOn, Status = MentoringSessionStatus.Missed, CreatedAt = now });
        db.Add(new MentoringSession { PairId = pair.Id, Number = 2, ScheduledOn = pair.SessionOn(2), Status = MentoringSessionStatus.Missed, CreatedAt = now });
        db.Add(new MentoringEscalation { PairId = pair.Id, SessionNumber = 2, CreatedAt = now });
    }

    private static Person Person(string nip, string name, string agency, string unit, string province, IndonesianTimeZone zone) => new()
    {
        Nip = nip, FullName = name, Agency = agency, Unit = unit, Position = "Analis Kebijakan", JobLevel = "fungsional-muda",
        Province = province, City = province == "Maluku" ? "Kota Ambon" : "Kota Jambi", TimeZone = zone,
        RegisteredAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
    };

    private static NeedsSurvey Survey(Guid personId, params (string Code, int Current, int Required)[] ratings)
    {
        var survey = new NeedsSurvey { PersonId = personId, JobLevel = "fungsional-muda", StartedAt = DateTimeOffset.UtcNow.AddMinutes(-5), CompletedAt = DateTimeOffset.UtcNow };
        survey.Ratings.AddRange(ratings.Select(r => new CompetencyRating { SurveyId = survey.Id, CompetencyCode = r.Code, CurrentLevel = r.Current, RequiredLevel = r.Required }));
        return survey;
    }

    /// <summary>Debian's chromium, as installed by ./test.sh; Playwright's own browser download is never used.</summary>
    private static string ChromiumOnPath()
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, "chromium");
            if (File.Exists(candidate))
                return candidate;
        }
        throw new InvalidOperationException("chromium is not on PATH: install it (./test.sh does: apt-get install chromium).");
    }
}
