using System.Collections.Concurrent;
using System.Data.Common;
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
            if (plan.Generated is { } own && own.GetGetter().GetClrValueUsingContainingEntity(entity) is not (0 or 0L))
                throw new InvalidOperationException($"The new {typeof(T).Name} already has a {own.Name}; the database gives it one.");
            await using var command = plan.Command(connection, db.Database.CurrentTransaction?.GetDbTransaction(), entity);
            if (plan.Generated is not { } generated)
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            var key = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The database returned no {generated.Name} for the new {typeof(T).Name}.");
            generated.PropertyInfo!.SetValue(entity, Convert.ChangeType(key, generated.ClrType, System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            if (opened)
                await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    /// <summary>One entity type's INSERT: its SQL and, in the order of its parameters, the properties with their type mappings.</summary>
    private sealed class InsertPlan(string sql, IReadOnlyList<(IProperty Property, RelationalTypeMapping Mapping)> columns, IProperty? generated)
    {
        /// <summary>The integer key the database generates, when the entity has one.</summary>
        public IProperty? Generated { get; } = generated;

        public DbCommand Command(DbConnection connection, DbTransaction? transaction, object entity)
        {
            var command = connection.CreateCommand();
#pragma warning disable CA2100 // Built from the model's table and column names; every value is a parameter.
            command.CommandText = sql;
#pragma warning restore CA2100
            command.Transaction = transaction;
            for (var i = 0; i < columns.Count; i++)
            {
                var (property, mapping) = columns[i];
                // The mapping applies the property's value converter, as SaveChanges does.
                var value = property.GetGetter().GetClrValueUsingContainingEntity(entity);
                command.Parameters.Add(mapping.CreateParameter(command, "@p" + i, value, property.IsNullable));
            }
            return command;
        }

        public static InsertPlan For(AsnBotDbContext db, Type type)
        {
            var entityType = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
            var table = StoreObjectIdentifier.Table(
                entityType.GetTableName() ?? throw new NotSupportedException($"{type.Name} is not mapped to a table."), entityType.GetSchema());
            var sql = db.GetService<ISqlGenerationHelper>();
            var key = entityType.FindPrimaryKey()?.Properties is [{ ValueGenerated: ValueGenerated.OnAdd, PropertyInfo: not null } only]
                && (only.ClrType == typeof(long) || only.ClrType == typeof(int)) ? only : null;
            var columns = new List<(IProperty, RelationalTypeMapping)>();
            foreach (var property in entityType.GetProperties())
            {
                if (property == key)
                    continue;
                if (property.IsShadowProperty() || property.PropertyInfo is null)
                    throw new NotSupportedException($"{type.Name}.{property.Name} has no property of its own to read; insert it through the change tracker.");
                columns.Add((property, property.GetRelationalTypeMapping()));
            }
            var names = string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Item1.GetColumnName(table)!)));
            var values = string.Join(", ", columns.Select((_, i) => "@p" + i));
            var text = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({names}) VALUES ({values})"
                + (key is null ? "" : $" RETURNING {sql.DelimitIdentifier(key.GetColumnName(table)!)}");
            return new InsertPlan(text, columns, key);
        }
    }
}
