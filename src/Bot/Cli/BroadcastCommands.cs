using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AsnBot.Broadcasts;
using AsnBot.Knowledge.Demo;
using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Persistence;

namespace AsnBot.Cli;

/// <summary>
/// <c>broadcast create|preview|send|cancel|status</c> for coordinators, and <c>seed-demo</c>
/// for demos and benchmarks. They work on the database directly; a running bot sends what
/// they put in the outbox, and fires what they schedule.
/// </summary>
internal static class BroadcastCommands
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Broadcast(string[] args)
    {
        var command = new Command("broadcast", "Announcements to an audience: create, preview, send, cancel, status.");
        command.Subcommands.Add(Create(args));
        command.Subcommands.Add(OnBroadcast(args, "preview", "Audience count and estimated finish from the rate limits.", (s, id, ct) => s.PreviewAsync(id, ct)));
        command.Subcommands.Add(OnBroadcast(args, "send", "Send now, or schedule for its send time.", (s, id, ct) => s.SendAsync(id, ct)));
        command.Subcommands.Add(OnBroadcast(args, "cancel", "Stop a broadcast: messages not yet sent are cancelled.", (s, id, ct) => s.CancelAsync(id, ct)));
        command.Subcommands.Add(OnBroadcast(args, "status", "Targeted, sent, failed, unreachable and acknowledged counts.", (s, id, ct) => s.StatusAsync(id, ct)));
        return command;
    }

    private static Command Create(string[] args)
    {
        var text = new Option<string>("--text") { Description = "The announcement (Bahasa Indonesia).", Required = true };
        var button = new Option<string[]>("--button") { Description = "A button label, e.g. \"Sudah dibaca\" (repeatable)." };
        var agency = new Option<string[]>("--agency") { Description = "Only this agency (repeatable)." };
        var unit = new Option<string[]>("--unit") { Description = "Only this work unit (repeatable)." };
        var province = new Option<string[]>("--province") { Description = "Only this province (repeatable)." };
        var jobLevel = new Option<string[]>("--job-level") { Description = "Only this job level, e.g. pelaksana (repeatable)." };
        var channel = new Option<string[]>("--channel") { Description = "Only people on this channel: telegram, teams, web (repeatable)." };
        var gap = new Option<string[]>("--gap") { Description = "Only people whose latest needs survey shows at least this gap, e.g. M.3=2 (repeatable: any of them)." };
        var belowJp = new Option<bool>("--below-jp-target") { Description = "Only people with fewer than 20 credited JP this year." };
        var at = new Option<string?>("--at") { Description = "Send time in each recipient's local time, e.g. 2026-12-01T08:00." };
        var createdBy = new Option<string?>("--created-by") { Description = "Who asked for it (for the record)." };
        var command = new Command("create", "Create a draft broadcast and print its id.")
        {
            text, button, agency, unit, province, jobLevel, channel, gap, belowJp, at, createdBy,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            DateTime? sendAt = null;
            if (parse.GetValue(at) is { } atText)
            {
                if (!DateTime.TryParse(atText, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    await Console.Error.WriteLineAsync("--at must be a local date and time, e.g. 2026-12-01T08:00.");
                    return 2;
                }
                sendAt = parsed;
            }
            var gaps = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in parse.GetValue(gap) ?? [])
            {
                var pieces = item.Split('=', StringSplitOptions.TrimEntries);
                if (pieces.Length != 2 || pieces[0].Length == 0 || !int.TryParse(pieces[1], NumberStyles.None, CultureInfo.InvariantCulture, out var least))
                {
                    await Console.Error.WriteLineAsync($"--gap: '{item}' must be CODE=GAP, e.g. M.3=2.");
                    return 2;
                }
                gaps[pieces[0]] = least;
            }
            var audience = new AudienceFilter
            {
                Agencies = parse.GetValue(agency) ?? [],
                Units = parse.GetValue(unit) ?? [],
                Provinces = parse.GetValue(province) ?? [],
                JobLevels = parse.GetValue(jobLevel) ?? [],
                Channels = parse.GetValue(channel) ?? [],
                Gaps = gaps,
                IsBelowJpTarget = parse.GetValue(belowJp),
            };
            return await WithServiceAsync(args, async service =>
            {
                var id = await service.CreateAsync(new BroadcastDraft(parse.GetValue(text)!, parse.GetValue(button), audience, sendAt, parse.GetValue(createdBy)), cancellationToken);
                await Console.Out.WriteLineAsync(id.ToString(CultureInfo.InvariantCulture));
            }, cancellationToken);
        });
        return command;
    }

    private static Command OnBroadcast<T>(string[] args, string name, string description, Func<BroadcastService, long, CancellationToken, Task<T>> operation)
    {
        var id = new Argument<long>("id") { Description = "The broadcast id." };
        var command = new Command(name, description) { id };
        command.SetAction((parse, cancellationToken) => WithServiceAsync(args, async service =>
        {
            var result = await operation(service, parse.GetValue(id), cancellationToken);
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(result, Json));
        }, cancellationToken));
        return command;
    }

    public static Command SeedDemo(string[] args)
    {
        var people = new Option<int>("--people") { Description = "How many fictional people to create.", Required = true };
        var chatIds = new Option<long?>("--telegram-chat-ids") { Description = "Give person i the Telegram chat id FROM + i (otherwise a web session)." };
        var force = new Option<bool>("--force") { Description = "Seed even though the database holds real people." };
        var command = new Command("seed-demo", "Create realistic fictional registered people, with needs surveys and this year's JP, for demos and benchmarks.") { people, chatIds, force };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = BotCommandLine.BuildToolHost();
            await host.Services.MigrateDatabaseAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AsnBotDbContext>();
            var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            var started = time.GetTimestamp();
            var result = await DemoPeople.SeedAsync(db, parse.GetValue(people), parse.GetValue(chatIds), parse.GetValue(force), time.GetUtcNow(), cancellationToken);
            if (result.WasRefused)
            {
                await Console.Error.WriteLineAsync("The database holds real (not seeded) people; run again with --force to add demo people anyway.");
                return 1;
            }
            var needs = await DemoNeeds.SeedAsync(host.Services, time.GetUtcNow(), cancellationToken);
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Seeded {result.People} people with {result.ChannelAccounts} channel accounts, {needs.Surveys} needs surveys and {needs.LearningHoursEntries} JP entries in {time.GetElapsedTime(started).TotalSeconds:0.0} s."));
            return 0;
        });
        return command;
    }

    private static async Task<int> WithServiceAsync(string[] args, Func<BroadcastService, Task> operation, CancellationToken cancellationToken)
    {
        using var host = BotCommandLine.BuildToolHost();
        await host.Services.MigrateDatabaseAsync(cancellationToken);
        await using var scope = host.Services.CreateAsyncScope();
        try
        {
            await operation(scope.ServiceProvider.GetRequiredService<BroadcastService>());
            return 0;
        }
        catch (BroadcastRefusedException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }
}
