using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AsnBot.Knowledge.Catalog;
using AsnBot.Knowledge.Enrollments;
using AsnBot.Knowledge.LearningHours;
using AsnBot.Knowledge.Persistence;

namespace AsnBot.Cli;

/// <summary>
/// Coordinators' commands for enrollments (<c>enrollment set|import</c>) and JP claims
/// (<c>jp review list|approve|reject</c>), the same operations as the HTTP API.
/// </summary>
internal static class LearningCommands
{
    public static readonly string[] Names = ["enrollment", "jp"];
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void AddTo(RootCommand root)
    {
        root.Subcommands.Add(Enrollment());
        root.Subcommands.Add(Jp());
    }

    private static Command Enrollment()
    {
        var nip = new Option<string>("--nip") { Description = "The participant's NIP (18 digits).", Required = true };
        var training = new Option<string>("--training") { Description = "The training's catalog code.", Required = true };
        var status = new Option<string>("--status") { Description = "interest, registered, attended, completed or not-completed.", Required = true };
        var session = new Option<string?>("--session") { Description = "The session id, when the training has several." };
        var set = new Command("set", "Move a participant's enrollment to a status; completion credits the training's JP.") { nip, training, status, session };
        set.SetAction(async (parse, cancellationToken) =>
        {
            if (!EnrollmentTransitions.TryParse(parse.GetValue(status), out var parsed))
            {
                await Console.Error.WriteLineAsync("--status must be interest, registered, attended, completed or not-completed.");
                return 2;
            }
            using var host = BotCommandLine.BuildToolHost();
            await host.Services.MigrateDatabaseAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            try
            {
                var view = await scope.ServiceProvider.GetRequiredService<EnrollmentService>()
                    .SetAsync(new EnrollmentChange(parse.GetValue(nip)!, parse.GetValue(training)!, parsed, parse.GetValue(session)), cancellationToken);
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(view, Json));
                return 0;
            }
            catch (EnrollmentRefusedException e)
            {
                await Console.Error.WriteLineAsync(scope.ServiceProvider.GetRequiredService<ImportTexts>().Format("change_refused", ("reason", e.Message)));
                return 1;
            }
        });

        var file = new Argument<string>("file") { Description = "An attendance list (.csv or .xlsx) with columns nip, training, status and optionally session." };
        var import = new Command("import", "Check an attendance list and, when every row is valid, apply all of it.") { file };
        import.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path) || Path.GetExtension(path).ToLowerInvariant() is not (".csv" or ".xlsx"))
            {
                await Console.Error.WriteLineAsync($"Not a .csv or .xlsx file: {path}");
                return 2;
            }
            using var host = BotCommandLine.BuildToolHost();
            await host.Services.MigrateDatabaseAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<AttendanceImport>().ImportAsync(CatalogFiles.Read(path), cancellationToken);
            if (!result.IsValid)
            {
                var texts = scope.ServiceProvider.GetRequiredService<ImportTexts>();
                foreach (var error in result.Errors)
                    await Console.Error.WriteLineAsync(texts.Describe(error));
                await Console.Error.WriteLineAsync(texts.Format("file_refused", ("problems", result.Errors.Count), ("rows", result.Rows)));
                return 1;
            }
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Imported {result.Applied.Count} rows; {result.Applied.Count(a => a.CreditedJp is not null)} completions credited JP."));
            return 0;
        });
        return new Command("enrollment", "Enrollments in catalog trainings: set one, or import an attendance list.") { set, import };
    }

    private static Command Jp()
    {
        var list = new Command("list", "Claims of outside training waiting for verification.");
        list.SetAction((_, cancellationToken) => WithCertificatesAsync(async certificates =>
        {
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(await certificates.PendingAsync(cancellationToken), Json));
            return 0;
        }, cancellationToken));
        var review = new Command("review", "Verify JP claimed with certificates of outside training: list, approve, reject.") { list };
        review.Subcommands.Add(Verdict("approve", "Approve a claim: its JP count from now on.", approve: true));
        review.Subcommands.Add(Verdict("reject", "Reject a claim: it never counts.", approve: false));
        return new Command("jp", "Learning hours (JP).") { review };
    }

    private static Command Verdict(string name, string description, bool approve)
    {
        var id = new Argument<Guid>("id") { Description = "The claim's id, as `jp review list` shows it." };
        var by = new Option<string>("--by") { Description = "Who reviewed it (for the record).", DefaultValueFactory = _ => "cli" };
        var command = new Command(name, description) { id, by };
        command.SetAction((parse, cancellationToken) => WithCertificatesAsync(async certificates =>
        {
            if (await certificates.ReviewAsync(parse.GetValue(id), approve, parse.GetValue(by)!, cancellationToken))
            {
                await Console.Out.WriteLineAsync(approve ? "Approved: the JP now count." : "Rejected.");
                return 0;
            }
            await Console.Error.WriteLineAsync("No claim with that id is waiting for verification.");
            return 1;
        }, cancellationToken));
        return command;
    }

    private static async Task<int> WithCertificatesAsync(Func<Certificates, Task<int>> operation, CancellationToken cancellationToken)
    {
        using var host = BotCommandLine.BuildToolHost();
        await host.Services.MigrateDatabaseAsync(cancellationToken);
        await using var scope = host.Services.CreateAsyncScope();
        return await operation(scope.ServiceProvider.GetRequiredService<Certificates>());
    }
}
