using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AsnBot.Knowledge.Persistence;

/// <summary>
/// One <typeparamref name="T"/> (typically compiled queries, <see cref="EF.CompileAsyncQuery{TContext, TResult}(System.Linq.Expressions.Expression{Func{TContext, CancellationToken, TResult}})"/>)
/// for each EF Core model: a compiled query keeps the SQL of the first provider it ran on, so a
/// process that hosts a SQLite and a PostgreSQL context would otherwise run one's SQL on the other.
/// </summary>
public sealed class PerModel<T>(Func<T> create) where T : class
{
    private readonly ConditionalWeakTable<IModel, T> _byModel = [];

    public T For(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _byModel.GetValue(db.Model, _ => create());
    }
}
