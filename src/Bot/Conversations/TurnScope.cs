using AsnBot.Knowledge.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace AsnBot.Conversations;

/// <summary>
/// A turn's service scope and EF Core context, made the first time the turn needs them: on
/// SQLite a turn that runs no action, or only actions that read from memory, needs neither
/// (it reads and commits through <see cref="TurnStore"/>'s own connections), and making and
/// returning them was a tenth of such a turn's cost (measured by the telegram-webhook bench).
/// </summary>
internal sealed class TurnScope(IServiceScopeFactory scopes) : IAsyncDisposable
{
    private AsyncServiceScope? _scope;
    private AsnBotDbContext? _db;
    private bool _opened;
    private TurnStatements? _statements;

    public IServiceProvider Services => (_scope ??= scopes.CreateAsyncScope()).ServiceProvider;

    /// <summary>
    /// The context as it is, made if need be: outside a transaction EF Core opens the connection
    /// for each query by itself. Within one, <see cref="DbAsync"/> has made and opened it already.
    /// </summary>
    public AsnBotDbContext Db() => _db ??= Services.GetRequiredService<AsnBotDbContext>();

    /// <summary>Whether the context, if one was made, holds changes not saved.</summary>
    public bool HasChanges => _db?.ChangeTracker.HasChanges() == true;

    /// <summary>The context, its connection open.</summary>
    public async ValueTask<AsnBotDbContext> DbAsync(CancellationToken cancellationToken)
    {
        if (!_opened)
        {
            await Db().Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            _opened = true;
        }
        return _db!;
    }

    /// <summary>The turn's statements on the context's connection.</summary>
    public async ValueTask<TurnStatements> StatementsAsync(CancellationToken cancellationToken)
    {
        var db = await DbAsync(cancellationToken).ConfigureAwait(false);
        return _statements ??= new TurnStatements(db.Database.GetDbConnection(), GuidMapping(db));
    }

    /// <summary>How the model stores a person id (SQLite: upper-case text; PostgreSQL: uuid).</summary>
    public static RelationalTypeMapping GuidMapping(AsnBotDbContext db) =>
        db.GetService<IRelationalTypeMappingSource>().FindMapping(typeof(Guid))
        ?? throw new InvalidOperationException("The database provider has no mapping for Guid.");

    public async ValueTask DisposeAsync()
    {
        if (_statements is not null)
            await _statements.DisposeAsync().ConfigureAwait(false);
        if (_scope is { } scope)
            await scope.DisposeAsync().ConfigureAwait(false);
    }
}
