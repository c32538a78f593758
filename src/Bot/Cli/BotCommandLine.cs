using System.CommandLine;
using AsnBot.Conversations;
using AsnBot.Conversations.Dialogs;
using AsnBot.Dashboard.Access;
using AsnBot.Knowledge;
using AsnBot.Knowledge.Content;
using AsnBot.Knowledge.Persistence;
using AsnBot.Learning;
using AsnBot.Scheduler;
using Microsoft.Extensions.Options;

namespace AsnBot.Cli;

/// <summary>
/// Operator commands (<c>dotnet run --project src/Bot -- migrate</c>). Anything else on the
/// command line is for the web host, so tests and hosting tools can pass their own arguments.
/// </summary>
public static class BotCommandLine
{
    private static readonly string[] Commands = ["serve", "migrate", "validate-dialogs", "backup", "broadcast", "seed-demo", CreateAdminCommand.Name, Evaluation.EvaluationCommands.Name, Mentoring.MentoringCommands.Name, .. CatalogCommands.Names, .. QuestionCommands.Names, .. LearningCommands.Names];

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("AsnBot: pengembangan kompetensi ASN lewat chat.");

        var serve = new Command("serve", "Run the bot (the default when no command is given).") { TreatUnmatchedTokensAsErrors = false };
        serve.SetAction(async (_, cancellationToken) =>
        {
            try
            {
                await BotHost.Build(args.Skip(1).ToArray()).RunAsync(cancellationToken);
                return 0;
            }
            catch (InvalidDialogsException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 1;
            }
        });

        var migrate = new Command("migrate", "Create the database if needed, apply pending migrations, and exit.");
        migrate.SetAction(async (_, cancellationToken) =>
        {
            using var host = BuildToolHost();
            await host.Services.MigrateDatabaseAsync(cancellationToken);
            await Console.Out.WriteLineAsync("Database is up to date.");
            return 0;
        });

        var validate = new Command("validate-dialogs", "Check every dialog file; print each problem with file and line.");
        validate.SetAction(async (_, _) =>
        {
            using var host = BuildToolHost();
            var folder = host.Services.GetRequiredService<IOptions<ContentOptions>>().Value.DialogsDirectory;
            try
            {
                var set = LearningDialogs.Checked(DialogValidator.LoadAndValidate(folder, ConversationsDependencyInjection.ActionNames(host.Services)), host.Services);
                await Console.Out.WriteLineAsync($"OK: {set.Dialogs.Count} dialogs in {folder} are valid.");
                return 0;
            }
            catch (InvalidDialogsException e)
            {
                foreach (var error in e.Errors)
                    await Console.Error.WriteLineAsync(error.ToString());
                await Console.Error.WriteLineAsync($"{e.Errors.Count} problem(s) found.");
                return 1;
            }
        });

        root.Subcommands.Add(serve);
        root.Subcommands.Add(migrate);
        root.Subcommands.Add(validate);
        root.Subcommands.Add(BackupCommand.Build());
        CatalogCommands.AddTo(root);
        QuestionCommands.AddTo(root);
        LearningCommands.AddTo(root);
        root.Subcommands.Add(BroadcastCommands.Broadcast(args));
        root.Subcommands.Add(BroadcastCommands.SeedDemo(args));
        root.Subcommands.Add(CreateAdminCommand.Build(BuildToolHost));
        root.Subcommands.Add(Evaluation.EvaluationCommands.Build());
        root.Subcommands.Add(Mentoring.MentoringCommands.Build());
        return await root.Parse(args).InvokeAsync();
    }

    /// <summary>The services of the bot without its web server, for one-shot commands.</summary>
    internal static IHost BuildToolHost()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = false });
        builder.Configuration.AddEmbeddedDefaults();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Standard output belongs to the command (recommend --json prints only JSON); logs go to standard error.
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        // Commands print results on stdout; the scheduler's start-up chatter would mix into them.
        builder.Logging.AddFilter("Quartz", LogLevel.Warning);
        builder.AddKnowledge();
        builder.AddScheduler();
        builder.AddBot();
        return builder.Build();
    }
}
