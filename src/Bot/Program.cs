using AsnBot;
using AsnBot.Cli;
using AsnBot.Conversations.Dialogs;
using AsnBot.Knowledge.Persistence;

if (BotCommandLine.IsCommand(args))
    return await BotCommandLine.RunAsync(args);

var app = BotHost.Build(args);
try
{
    // Refuse to serve on a broken dialog: the same message validate-dialogs prints.
    app.Services.GetRequiredService<DialogSet>();
}
catch (InvalidDialogsException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}
await app.Services.MigrateDatabaseAsync();
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
