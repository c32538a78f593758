using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace AsnBot.Knowledge.Persistence;

/// <summary>
/// Inserts new rows straight away, in the context's current transaction, without the change
/// tracker: for writes on a hot path that only add rows, where EF Core's Add and SaveChanges
/// (attaching the graph, detecting changes, sorting and building the commands) cost many times
/// what the inserts cost the database (measured by the telegram-webhook bench on registration).
/// The statement is built once per model and entity type from the model's own mapping (table,
/// columns, value converters, type mappings), so a row written here reads back exactly like one
/// EF Core wrote. An integer key is the database's to generate: it must be left at 0, and is
/// read back into the entity. The entity is not tracked afterwards.
/// </summary>
public static class ModelRows
{
    private static readonly PerModel<ConcurrentDictionary<Type, InsertPlan>> Plans = new(() => new());

    public static async Task InsertAsync<T>(AsnBotDbContext db, T entity, CancellationToken cancellationToken) where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entity);
        var plan = Plans.For(db).GetOrAdd(typeof(T), static (type, db) => InsertPlan.For(db, type), db);
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = plan.Command(connection, db.Database.CurrentTransaction?.GetDbTransaction(), entity);
            if (plan.GeneratesKey)
                plan.SetKey(entity, await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false));
            else
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (opened)
                await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    /// <summary>One column of an INSERT: its parameter, how the property is read, and how its value is written (the mapping applies the property's value converter, as SaveChanges does).</summary>
    private sealed record InsertColumn(string Parameter, IClrPropertyGetter Getter, RelationalTypeMapping Mapping, bool Nullable);

    /// <summary>One entity type's INSERT: its SQL and its columns in the order of their parameters.</summary>
    private sealed class InsertPlan(string sql, IReadOnlyList<InsertColumn> columns, IProperty? generated)
    {
        /// <summary>Whether the database generates the key (an integer one), which the INSERT returns.</summary>
        public bool GeneratesKey => generated is not null;

        public DbCommand Command(DbConnection connection, DbTransaction? transaction, object entity)
        {
            if (generated is not null && generated.GetGetter().GetClrValueUsingContainingEntity(entity) is not (0 or 0L))
                throw new InvalidOperationException($"The new {entity.GetType().Name} already has a {generated.Name}; the database gives it one.");
            var command = connection.CreateCommand();
#pragma warning disable CA2100 // Built from the model's table and column names; every value is a parameter.
            command.CommandText = sql;
#pragma warning restore CA2100
            command.Transaction = transaction;
            foreach (var column in columns)
                command.Parameters.Add(column.Mapping.CreateParameter(command, column.Parameter, column.Getter.GetClrValueUsingContainingEntity(entity), column.Nullable));
            return command;
        }

        public void SetKey(object entity, object? key) =>
            generated!.PropertyInfo!.SetValue(entity, Convert.ChangeType(
                key ?? throw new InvalidOperationException($"The database returned no {generated.Name} for the new {entity.GetType().Name}."),
                generated.ClrType, CultureInfo.InvariantCulture));

        public static InsertPlan For(AsnBotDbContext db, Type type)
        {
            var entityType = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
            var table = StoreObjectIdentifier.Table(
                entityType.GetTableName() ?? throw new NotSupportedException($"{type.Name} is not mapped to a table."), entityType.GetSchema());
            var sql = db.GetService<ISqlGenerationHelper>();
            var key = entityType.FindPrimaryKey()?.Properties is [{ ValueGenerated: ValueGenerated.OnAdd, PropertyInfo: not null } only]
                && (only.ClrType == typeof(long) || only.ClrType == typeof(int)) ? only : null;
            var properties = entityType.GetProperties().Where(p => p != key).ToList();
            if (properties.FirstOrDefault(p => p.IsShadowProperty() || p.PropertyInfo is null) is { } shadow)
                throw new NotSupportedException($"{type.Name}.{shadow.Name} has no property of its own to read; insert it through the change tracker.");
            var columns = properties.Select((p, i) => new InsertColumn("@p" + i, p.GetGetter(), p.GetRelationalTypeMapping(), p.IsNullable)).ToList();
            var names = string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
            var values = string.Join(", ", columns.Select(c => c.Parameter));
            var text = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({names}) VALUES ({values})"
                + (key is null ? "" : $" RETURNING {sql.DelimitIdentifier(key.GetColumnName(table)!)}");
            return new InsertPlan(text, columns, key);
        }
    }
}
