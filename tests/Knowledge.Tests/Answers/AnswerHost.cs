using AsnBot.Knowledge.Answers;
using AsnBot.Knowledge.Catalog;
using AsnBot.Knowledge.LearningHours;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Profiles;
using AsnBot.Knowledge.Recommendations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AsnBot.Knowledge.Tests.Answers;

/// <summary>
/// The question-answering services wired as the bot wires them (shipped data, the catalog
/// seeded into a real SQLite file), with the settings a test gives.
/// </summary>
public sealed class AnswerHost : IAsyncDisposable
{
    private readonly string _file;

    private AnswerHost(IHost host, string file)
    {
        Host = host;
        _file = file;
    }

    public IHost Host { get; }

    public static async Task<AnswerHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var file = Path.Combine(Path.GetTempPath(), $"asnbot-answers-{Guid.NewGuid():N}.db");
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:AsnBot"] = $"Data Source={file}",
            ["Content:DataPath"] = RepoPaths.Data,
            ["Content:DialogsPath"] = RepoPaths.Dialogs,
        });
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.AddKnowledge();
        builder.Services.AddTrainingRecommendations();
        builder.Services.AddLearningHours();
        builder.AddQuestionAnswers();
        var host = new AnswerHost(builder.Build(), file);
        await host.Host.Services.MigrateDatabaseAsync();
        await CatalogSeeding.SeedIfEmptyAsync(host.Host.Services, default);
        return host;
    }

    public async Task<QuestionAnswer> AskAsync(string text, Guid? asker = null)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var ask = scope.ServiceProvider.GetRequiredService<AskService>();
        return await ask.AskAsync(scope.ServiceProvider.GetRequiredService<AsnBotDbContext>(), text, asker, routeFeatures: false, default);
    }

    /// <summary>A registered person with one credited learning activity this year.</summary>
    public async Task<Person> AddPersonWithJpAsync(string nip, string name, string activity)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AsnBotDbContext>();
        var person = new Person
        {
            Nip = nip, FullName = name, Agency = "Pemerintah Kota Jambi", Unit = "Sekretariat", Position = "Analis",
            JobLevel = "pelaksana", Province = "Jambi", City = "Kota Jambi", TimeZone = IndonesianTimeZone.WIB,
        };
        db.Add(person);
        await db.SaveChangesAsync();
        var ledger = scope.ServiceProvider.GetRequiredService<LearningHoursLedger>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await ledger.CreditAsync(new LearningActivity(person.Id, "KL03", LearningSource.Training, activity, today, "test:" + nip, Jp: 8), default);
        await db.SaveChangesAsync();
        return person;
    }

    public async ValueTask DisposeAsync()
    {
        Host.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(_file + suffix);
        await Task.CompletedTask;
    }
}
