using AsnBot.Dashboard.Access;
using AsnBot.Dashboard.Audit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace AsnBot.Dashboard.Components.Shared;

/// <summary>
/// A dashboard page: it knows the signed-in user's <see cref="DashboardScope"/> and runs each
/// operation in a service scope of its own, because an interactive page lives as long as its
/// circuit and a database context must not.
/// </summary>
public abstract class DashboardPage : ComponentBase
{
    [Inject]
    private IServiceScopeFactory Scopes { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected DashboardScope Scope { get; private set; } = DashboardScope.Of(new System.Security.Claims.ClaimsPrincipal());

    private System.Security.Claims.ClaimsPrincipal _user = new();

    protected override async Task OnInitializedAsync()
    {
        _user = (await AuthenticationState).User;
        Scope = DashboardScope.Of(_user);
        await LoadAsync();
    }

    /// <summary>What the page loads first, once the scope is known.</summary>
    protected virtual Task LoadAsync() => Task.CompletedTask;

    protected async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        await using var scope = Scopes.CreateAsyncScope();
        return await operation(scope.ServiceProvider);
    }

    protected async Task RunAsync(Func<IServiceProvider, Task> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        await using var scope = Scopes.CreateAsyncScope();
        await operation(scope.ServiceProvider);
    }

    /// <summary>Writes a view of personal data to the audit log.</summary>
    protected Task AuditAsync(string action, string subject) =>
        RunAsync(services => services.GetRequiredService<AuditLog>().WriteAsync(_user, action, subject, CancellationToken.None));
}
