namespace AsnBot.Conversations.Actions;

/// <summary>
/// The registered actions by name, each made only when a dialog calls it. A turn used to
/// resolve every <see cref="IDialogAction"/> (and everything they depend on) to run one or
/// none; here the registrations are looked at once, and a turn builds only the action it
/// needs, from the turn's own scope, so it still shares the turn's database context.
/// </summary>
public sealed class DialogActionCatalog
{
    private readonly Dictionary<string, ObjectFactory> _factories;

    public DialogActionCatalog(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        using var scope = services.CreateScope();
        _factories = new Dictionary<string, ObjectFactory>(StringComparer.Ordinal);
        foreach (var action in scope.ServiceProvider.GetServices<IDialogAction>())
            _factories[action.Name] = ActivatorUtilities.CreateFactory(action.GetType(), Type.EmptyTypes);
    }

    public IReadOnlyCollection<string> Names => _factories.Keys;

    /// <summary>The action called <paramref name="name"/>, built from <paramref name="scope"/>.</summary>
    public IDialogAction Create(string name, IServiceProvider scope)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(scope);
        return _factories.TryGetValue(name, out var factory)
            ? (IDialogAction)factory(scope, null)
            : throw new KeyNotFoundException($"No dialog action is registered as '{name}'.");
    }
}
