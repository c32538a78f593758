using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AsnBot.Cli;
using AsnBot.Knowledge.Catalog;
using AsnBot.Knowledge.Mentoring;
using AsnBot.Knowledge.Persistence;

namespace AsnBot.Mentoring;

/// <summary><c>mentoring pair|import|list|escalations</c> for coordinators; the running bot does the reminders.</summary>
public static class MentoringCommands
{
    public const string Name = "mentoring";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Build()
    {
        var command = new Command(Name, "Mentoring pairs: pair, import, list, escalations.");
        command.Subcommands.Add(Pair());
        command.Subcommands.Add(Import());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Escalations());
        return command;
    }

    private static Command Pair()
    {
        var mentor = new Option<string>("--mentor") { Description = "The mentor's (or supervisor's) NIP.", Required = true };
        var mentee = new Option<string>("--mentee") { Description = "The mentee's NIP.", Required = true };
        var every = new Option<int>("--every") { Description = "Days between sessions (default 14).", DefaultValueFactory = _ => 14 };
        var first = new Option<string?>("--first") { Description = "Date of the first session, yyyy-mm-dd (default: one rhythm from today)." };
        var role = new Option<string>("--role") { Description = "mentor (default) or atasan (direct supervisor).", DefaultValueFactory = _ => "mentor" };
        var coordinator = new Option<string?>("--coordinator") { Description = "NIP of the coordinator to notify after missed check-ins (a registered person)." };
        var createdBy = new Option<string?>("--created-by") { Description = "Who paired them (for the record)." };
        var command = new Command("pair", "Pair a mentor and a mentee with a rhythm.") { mentor, mentee, every, first, role, coordinator, createdBy };
        command.SetAction(async (parse, cancellationToken) =>
        {
            DateOnly? firstOn = null;
            if (parse.GetValue(first) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    await Console.Error.WriteLineAsync("--first must be a date yyyy-mm-dd.");
                    return 2;
                }
                firstOn = day;
            }
            if (MentoringImport.ParseRole(parse.GetValue(role)) is not { } parsedRole)
            {
                await Console.Error.WriteLineAsync("--role must be mentor or atasan.");
                return 2;
            }
            return await WithDatabaseAsync(async (db, _, now) =>
            {
                var pair = await MentoringPairs.PairAsync(db, new PairingRequest(
                    parse.GetValue(mentor)!, parse.GetValue(mentee)!, parse.GetValue(every), firstOn, parsedRole, parse.GetValue(coordinator), parse.GetValue(createdBy)), now, cancellationToken);
                await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Paired: {pair.Id:N}, every {pair.EveryDays} days from {pair.FirstSessionOn:yyyy-MM-dd}."));
                return 0;
            }, cancellationToken);
        });
        return command;
    }

    private static Command Import()
    {
        var file = new Argument<string>("file") { Description = "A .csv or .xlsx sheet with mentor_nip, mentee_nip[, every_days, first_session, role, coordinator_nip]." };
        var createdBy = new Option<string?>("--created-by") { Description = "Who paired them (for the record)." };
        var command = new Command("import", "Pair everyone in a sheet; every row valid or nothing imported.") { file, createdBy };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                await Console.Error.WriteLineAsync($"File not found: {path}");
                return 2;
            }
            return await WithDatabaseAsync(async (db, texts, now) =>
            {
                var result = await MentoringImport.ImportAsync(db, texts, path, parse.GetValue(createdBy), now, cancellationToken);
                foreach (var error in result.Errors)
                    await Console.Error.WriteLineAsync(texts.Describe(error));
                if (!result.IsValid)
                {
                    await Console.Error.WriteLineAsync(texts.Format("file_refused", ("problems", result.Errors.Count), ("rows", result.Rows)));
                    return 1;
                }
                await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Imported {result.Paired} pair(s)."));
                return 0;
            }, cancellationToken);
        });
        return command;
    }

    private static Command List()
    {
        var json = new Option<bool>("--json") { Description = "Print JSON (the same as GET /api/mentoring/pairs)." };
        var command = new Command("list", "Active pairs with their sessions held and missed.") { json };
        command.SetAction((parse, cancellationToken) => WithDatabaseAsync(async (db, _, _) =>
        {
            var pairs = await MentoringPairs.ListAsync(db, includeEnded: false, cancellationToken);
            if (parse.GetValue(json))
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(pairs, Json));
            else
                foreach (var p in pairs)
                    await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"{p.Id:N}  {p.Mentor} -> {p.Mentee} ({p.Role}), every {p.EveryDays} days from {p.FirstSessionOn:yyyy-MM-dd}: {p.SessionsHeld} held, {p.SessionsMissed} missed"));
            return 0;
        }, cancellationToken));
        return command;
    }

    private static Command Escalations()
    {
        var json = new Option<bool>("--json") { Description = "Print JSON (the same as GET /api/mentoring/escalations)." };
        var command = new Command("escalations", "Pairs that missed check-ins in a row and need the coordinator.") { json };
        command.SetAction((parse, cancellationToken) => WithDatabaseAsync(async (db, _, _) =>
        {
            var escalations = await MentoringPairs.OpenEscalationsAsync(db, cancellationToken);
            if (parse.GetValue(json))
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(escalations, Json));
            else
                foreach (var e in escalations)
                    await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"{e.CreatedAt:yyyy-MM-dd}  {e.Mentor} -> {e.Mentee}: missed check-ins up to session {e.SessionNumber}"));
            return 0;
        }, cancellationToken));
        return command;
    }

    private static async Task<int> WithDatabaseAsync(Func<AsnBotDbContext, ImportTexts, DateTimeOffset, Task<int>> operation, CancellationToken cancellationToken)
    {
        using var host = BotCommandLine.BuildToolHost();
        await host.Services.MigrateDatabaseAsync(cancellationToken);
        await using var scope = host.Services.CreateAsyncScope();
        var texts = scope.ServiceProvider.GetRequiredService<ImportTexts>();
        try
        {
            return await operation(scope.ServiceProvider.GetRequiredService<AsnBotDbContext>(), texts, scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow());
        }
        catch (PairingRefusedException e)
        {
            await Console.Error.WriteLineAsync(texts.Format("change_refused", ("reason", texts.Format(e.Key, [.. e.Values]))));
            return 1;
        }
    }
}
