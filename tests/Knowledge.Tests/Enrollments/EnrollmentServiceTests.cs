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
        return await new EnrollmentService(db, new LearningHoursLedger(db, Conversion, _clock), _clock)
            .SetAsync(new EnrollmentChange(nip ?? _person.Nip, training, status), CancellationToken.None);
    }

    private async Task<AttendanceImportResult> ImportAsync(string csv)
    {
        var path = Path.Combine(Path.GetTempPath(), $"hadir-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, csv);
        try
        {
            await using var db = _database.Open();
            var import = new AttendanceImport(new EnrollmentService(db, new LearningHoursLedger(db, Conversion, _clock), _clock), db);
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
    [InlineData(EnrollmentStatus.Interest, EnrollmentStatus.Completed, "mark the participant attended first")]
    [InlineData(EnrollmentStatus.Interest, EnrollmentStatus.NotCompleted, "register them first")]
    [InlineData(EnrollmentStatus.Attended, EnrollmentStatus.Registered, "cannot go back from attended to registered")]
    [InlineData(EnrollmentStatus.NotCompleted, EnrollmentStatus.Completed, "already not-completed")]
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
            ["row 3, column nip: no registered person has this NIP",
             "row 4, column status: 'hadir-sebagian' is not interest, registered, attended, completed or not-completed",
             "row 5, column training: training 'NOPE' is not in the catalog",
             "row 6, column status: cannot complete from interest; mark the participant attended first"],
            result.Errors.Select(e => e.ToString()));
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

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        await using var db = _database.Open();
        var statuses = await db.Set<Enrollment>().OrderBy(e => e.TrainingCode).Select(e => e.Status).ToListAsync();
        Assert.Equal([EnrollmentStatus.Completed, EnrollmentStatus.Registered], statuses);
        Assert.Equal(24m, (await db.Set<LearningHoursEntry>().SingleAsync()).Jp);
    }

    [Fact]
    public async Task A_sheet_without_the_required_columns_is_refused_at_the_header()
    {
        var result = await ImportAsync("nip,kode\n1,LD-01\n");
        Assert.Equal(["row 1, column training: column is missing from the header", "row 1, column status: column is missing from the header"], result.Errors.Select(e => e.ToString()));
    }
}
