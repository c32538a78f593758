using AsnBot;
using AsnBot.Cli;
using AsnBot.Conversations.Dialogs;

if (BotCommandLine.IsCommand(args))
    return await BotCommandLine.RunAsync(args);

try
{
    await BotHost.Build(args).RunAsync();
    return 0;
}
catch (InvalidDialogsException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
