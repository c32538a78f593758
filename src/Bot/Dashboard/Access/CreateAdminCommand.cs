using System.CommandLine;
using AsnBot.Knowledge.Persistence;

namespace AsnBot.Dashboard.Access;

/// <summary>
/// <c>create-admin --email e</c>: the first dashboard account (or a reset of a forgotten one).
/// The one-time password is printed once and must be changed at first sign-in.
/// </summary>
public static class CreateAdminCommand
{
    public const string Name = "create-admin";

    public static Command Build(Func<IHost> buildHost)
    {
        ArgumentNullException.ThrowIfNull(buildHost);
        var email = new Option<string>("--email") { Description = "The admin's email address, used to sign in.", Required = true };
        var command = new Command(Name, "Create a dashboard admin (or reset one) with a one-time password printed once.") { email };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var address = parse.GetValue(email)!.Trim();
            if (!System.Net.Mail.MailAddress.TryCreate(address, out _))
            {
                await Console.Error.WriteLineAsync($"'{address}' is not an email address.");
                return 2;
            }
            using var host = buildHost();
            await host.Services.MigrateDatabaseAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var password = await scope.ServiceProvider.GetRequiredService<DashboardAccounts>().CreateAsync(address, DashboardRoles.Admin, [], cancellationToken);
            await Console.Out.WriteLineAsync($"Admin {address} is ready. One-time password (shown once, must be changed at first sign-in):");
            await Console.Out.WriteLineAsync(password);
            return 0;
        });
        return command;
    }
}
