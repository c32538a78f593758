using System.Data.Common;
using AsnBot.Knowledge.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace AsnBot.Conversations;

/// <summary>
/// A plain command on the turn's connection and in its transaction, for the few statements every
/// turn runs: through EF Core each would pay for building its parameters from an interpolated
/// string, the relational command and its diagnostics, more than the statement itself costs
/// SQLite (measured by the telegram-webhook bench). Values whose storage differs by provider go
/// through the model's own type mapping, so a row written here reads back like one EF wrote.
/// </summary>
internal static class TurnCommand
{
    public static DbCommand Create(DbTransaction transaction, string sql)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    public static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>A person id as the provider stores it (SQLite: upper-case text; PostgreSQL: uuid), or NULL.</summary>
    public static void AddPersonId(AsnBotDbContext db, DbCommand command, string name, Guid? personId)
    {
        var mapping = db.GetService<IRelationalTypeMappingSource>().FindMapping(typeof(Guid))
            ?? throw new InvalidOperationException("The database provider has no mapping for Guid.");
        command.Parameters.Add(mapping.CreateParameter(command, name, personId, nullable: true));
    }
}
