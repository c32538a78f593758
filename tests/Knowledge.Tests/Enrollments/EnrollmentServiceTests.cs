using AsnBot.Knowledge.Catalog;
using AsnBot.Knowledge.Enrollments;
using AsnBot.Knowledge.LearningHours;
using AsnBot.Knowledge.Profiles;
using AsnBot.Knowledge.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AsnBot.Knowledge.Tests.Enrollments;

public sealed class EnrollmentServiceTests : IAsyncLifetime
{
    private static readonly JpConversionTable Conversion = JpConversionTable.Load(Path.Combine(RepoPaths.Data, "jp-conversion.yaml"));
    private static readonly ImportTexts Texts = ImportTexts.Load(Path.Combine(RepoPaths.Data, ImportTexts.FileName));
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = null!;
    private Person _person = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _person = await _database.AddPersonAsync(IndonesianTimeZone.WIT);
        await using var db = _database.Open();
        db.Add(new Training { Code = "LD-01", Title = "Pelatihan Literasi Digital", Path = "KL03", Mode = TrainingMode.Klasikal, Jp = 24 });
        db.Add(new Training { Code = "SEM-01", Title = "Seminar Pelayanan Publik", Path = "KL06", Mode = TrainingMode.Daring, Jp = 0 });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<EnrollmentView> SetAsync(string training, EnrollmentStatus status, string? nip = null)
    {
        await using var db = _database.Open();
        return await new EnrollmentService(db, new LearningHoursLedger(db, Conversion, _clock), Texts, _clock)
            .SetAsync(new EnrollmentChange(nip ?? _person.Nip, training, status), CancellationToken.None);
    }

    private async Task<AttendanceImportResult> ImportAsync(string csv)
    {
        var path = Path.Combine(Path.GetTempPath(), $"hadir-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, csv);
        try
        {
            await using var db = _database.Open();
            var import = new AttendanceImport(new EnrollmentService(db, new LearningHoursLedger(db, Conversion, _clock), Texts, _clock), Texts, db);
            return await import.ImportAsync(CatalogFiles.Read(path), CancellationToken.None);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Completion_stamps_the_time_and_credits_the_trainings_own_JP_by_its_path_once()
    {
        await SetAsync("LD-01", EnrollmentStatus.Registered);
        await SetAsync("LD-01", EnrollmentStatus.Attended);
        var completed = await SetAsync("LD-01", EnrollmentStatus.Completed);
        var again = await SetAsync("LD-01", EnrollmentStatus.Completed);

        Assert.Equal(("completed", 24m), (completed.Status, completed.CreditedJp));
        Assert.Null(again.CreditedJp);
        await using var db = _database.Open();
        var enrollment = await db.Set<Enrollment>().SingleAsync();
        Assert.Equal(_clock.GetUtcNow(), enrollment.CompletedAt);
        var entry = await db.Set<LearningHoursEntry>().SingleAsync();
        Assert.Equal(("KL03", 24m, $"enrollment:{enrollment.Id}", LearningSource.Training), (entry.PathCode, entry.Jp, entry.SourceRef, entry.Source));
    }

    [Fact]
    public async Task A_training_without_its_own_JP_is_credited_by_the_conversion_table()
    {
        await SetAsync("SEM-01", EnrollmentStatus.Registered);
        await SetAsync("SEM-01", EnrollmentStatus.Attended);
        Assert.Equal(4m, (await SetAsync("SEM-01", EnrollmentStatus.Completed)).CreditedJp);
    }

    [Theory]
    [InlineData(EnrollmentStatus.Interest, EnrollmentStatus.Completed, "tandai peserta hadir dulu")]
    [InlineData(EnrollmentStatus.Interest, EnrollmentStatus.NotCompleted, "daftarkan dulu")]
    [InlineData(EnrollmentStatus.Attended, EnrollmentStatus.Registered, "status tidak dapat mundur dari hadir ke terdaftar")]
    [InlineData(EnrollmentStatus.NotCompleted, EnrollmentStatus.Completed, "sudah tidak lulus")]
    public async Task An_invalid_transition_is_refused_with_a_clear_message_and_changes_nothing(EnrollmentStatus from, EnrollmentStatus to, string reason)
    {
        if (from != EnrollmentStatus.Interest)
            await SetAsync("LD-01", EnrollmentStatus.Registered);
        if (from is EnrollmentStatus.Attended or EnrollmentStatus.NotCompleted)
            await SetAsync("LD-01", from == EnrollmentStatus.Attended ? EnrollmentStatus.Attended : EnrollmentStatus.NotCompleted);
        if (from == EnrollmentStatus.Interest)
            await SetAsync("LD-01", EnrollmentStatus.Interest);

        var refused = await Assert.ThrowsAsync<EnrollmentRefusedException>(() => SetAsync("LD-01", to));
        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
        await using var db = _database.Open();
        Assert.Equal(from, (await db.Set<Enrollment>().SingleAsync()).Status);
        Assert.Empty(await db.Set<LearningHoursEntry>().ToListAsync());
    }

    [Fact]
    public async Task An_attendance_list_with_bad_rows_imports_nothing_and_names_every_problem_by_row()
    {
        var result = await ImportAsync($"""
            nip,training,status
            {_person.Nip},LD-01,registered
            199001012015011999,LD-01,attended
            {_person.Nip},LD-01,hadir-sebagian
            {_person.Nip},NOPE,registered
            {_person.Nip},SEM-01,completed
            """);

        Assert.False(result.IsValid);
        Assert.Equal(
            ["baris 3, kolom nip: tidak ada pegawai terdaftar dengan NIP ini",
             "baris 4, kolom status: 'hadir-sebagian' bukan status yang dikenal: minat, terdaftar, hadir, lulus, atau tidak-lulus",
             "baris 5, kolom training: pelatihan 'NOPE' tidak ada di katalog",
             "baris 6, kolom status: belum dapat diluluskan dari status minat; tandai peserta hadir dulu"],
            result.Errors.Select(Texts.Describe));
        await using var db = _database.Open();
        Assert.Empty(await db.Set<Enrollment>().ToListAsync());
    }

    [Fact]
    public async Task A_valid_attendance_list_walks_each_row_in_order_and_credits_completions()
    {
        var result = await ImportAsync($"""
            nip,training,status
            {_person.Nip},LD-01,registered
            {_person.Nip},LD-01,hadir
            {_person.Nip},LD-01,lulus
            {_person.Nip},SEM-01,terdaftar
            """);

        Assert.True(result.IsValid, string.Join("\n", result.Errors.Select(Texts.Describe)));
        await using var db = _database.Open();
        var statuses = await db.Set<Enrollment>().OrderBy(e => e.TrainingCode).Select(e => e.Status).ToListAsync();
        Assert.Equal([EnrollmentStatus.Completed, EnrollmentStatus.Registered], statuses);
        Assert.Equal(24m, (await db.Set<LearningHoursEntry>().SingleAsync()).Jp);
    }

    [Fact]
    public async Task A_sheet_without_the_required_columns_is_refused_at_the_header()
    {
        var result = await ImportAsync("nip,kode\n1,LD-01\n");
        Assert.Equal(["baris 1, kolom training: kolom ini tidak ada di baris judul", "baris 1, kolom status: kolom ini tidak ada di baris judul"], result.Errors.Select(Texts.Describe));
    }
}
