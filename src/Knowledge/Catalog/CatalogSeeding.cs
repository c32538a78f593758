using AsnBot.Knowledge.Content;
using AsnBot.Knowledge.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AsnBot.Knowledge.Catalog;

/// <summary>
/// Puts the shipped catalog in an empty catalog table. It runs in StartAsync, after every
/// hosted service's StartingAsync, where the database is migrated.
/// </summary>
public sealed class CatalogSeeding(IServiceProvider services) : IHostedLifecycleService
{
    public static async Task SeedIfEmptyAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AsnBotDbContext>();
        var catalog = scope.ServiceProvider.GetRequiredService<IOptions<ContentOptions>>().Value.DataFile("catalog.yaml");
        await CatalogStore.SeedIfEmptyAsync(db, catalog, cancellationToken).ConfigureAwait(false);
    }

    public Task StartAsync(CancellationToken cancellationToken) => SeedIfEmptyAsync(services, cancellationToken);

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
