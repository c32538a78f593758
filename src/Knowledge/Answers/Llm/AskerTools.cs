using System.ComponentModel;
using System.Globalization;
using System.Text;
using AsnBot.Knowledge.LearningHours;
using AsnBot.Knowledge.Recommendations;
using Microsoft.SemanticKernel;

namespace AsnBot.Knowledge.Answers.Llm;

/// <summary>
/// The functions the model may call while answering one person. They are bound to that
/// person when built: none takes a person, a NIP or a name, so nothing the model or the
/// user's text says can reach another person's data. What they returned is remembered,
/// so the answer can name it as a source.
/// </summary>
public sealed class AskerTools(QuestionAnswerer answerer, TrainingRecommender catalog, DateOnly today, Guid? askerId, LearningHoursLedger? ledger)
{
    public const string PluginName = "asnbot";
    public const string LedgerSource = "ledger:jp-saya";
    private const int MaxTrainings = 5;
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    private readonly List<string> _returned = [];

    /// <summary>The source ids of what the functions returned, in call order.</summary>
    public IReadOnlyList<string> Returned => _returned;

    [KernelFunction("search_catalog")]
    [Description("Searches the training catalog. Returns matching trainings with their code, form, JP, provider and next session.")]
    public string SearchCatalog([Description("Words describing the training, e.g. 'excel' or 'literasi digital'.")] string query)
    {
        var text = new StringBuilder();
        foreach (var match in answerer.SearchCatalog(query, catalog, today).Take(MaxTrainings))
        {
            var training = match.Training;
            _returned.Add("catalog:" + training.Code);
            text.Append(training.Code).Append(" | ").Append(training.Title).Append(" | ").Append(training.Mode.ToString().ToLowerInvariant())
                .Append(" | ").Append(training.Jp.ToString(CultureInfo.InvariantCulture)).Append(" JP | ").Append(training.Provider)
                .Append(" | ").AppendLine(match.NextSession is { } s ? s.Start.ToString("d MMMM yyyy", Indonesian) + ", " + s.Place : "-");
        }
        return text.Length == 0 ? "-" : text.ToString();
    }

    [KernelFunction("upcoming_sessions")]
    [Description("Lists the future sessions of one training of the catalog, by its code (e.g. PLT-004).")]
    public string UpcomingSessions([Description("The training's code from the catalog.")] string code)
    {
        if (catalog.Find(code) is not { } training)
            return "-";
        _returned.Add("catalog:" + training.Code);
        var lines = training.Sessions.Where(s => s.Start > today).OrderBy(s => s.Start).Select(s =>
            $"{s.Start.ToString("d MMMM yyyy", Indonesian)} s.d. {s.End.ToString("d MMMM yyyy", Indonesian)}, {s.Place}, kuota {s.Quota.ToString(CultureInfo.InvariantCulture)}");
        return training.Code + " " + training.Title + "\n" + (string.Join("\n", lines) is { Length: > 0 } all ? all : "-");
    }

    [KernelFunction("my_learning_hours")]
    [Description("The asker's own learning hours (JP) this year against the 20 JP target, with the credited activities. Only ever the asker's own.")]
    public async Task<string> MyLearningHoursAsync(CancellationToken cancellationToken)
    {
        if (askerId is not { } person || ledger is null)
            return "-";
        var year = await ledger.ThisYearAsync(person, cancellationToken).ConfigureAwait(false);
        _returned.Add(LedgerSource);
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Tahun {year.Year}: {year.CreditedJp.ToString("0.##", Indonesian)} dari {year.TargetJp.ToString("0.##", Indonesian)} JP")
            .AppendLine(CultureInfo.InvariantCulture, $" (kurang {year.RemainingJp.ToString("0.##", Indonesian)} JP).");
        foreach (var entry in year.Entries)
            text.AppendLine(CultureInfo.InvariantCulture, $"{entry.LearnedOn.ToString("d MMM yyyy", Indonesian)}: {entry.Title} ({entry.Jp.ToString("0.##", Indonesian)} JP)");
        return text.ToString();
    }
}
