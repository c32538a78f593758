using AsnBot.Conversations.Dialogs;
using AsnBot.Knowledge.Catalog;
using AsnBot.Knowledge.Persistence;

namespace AsnBot;

/// <summary>
/// Before anything listens: the dialogs must be valid (the server refuses to start with
/// the same message validate-dialogs prints), the import texts complete, and the database
/// migrated, so a fresh clone runs with no manual step.
/// </summary>
public sealed class StartupChecks(IServiceProvider services) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<DialogSet>();
        services.GetRequiredService<ImportTexts>();
        await services.MigrateDatabaseAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
