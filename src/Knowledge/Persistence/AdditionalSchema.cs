namespace AsnBot.Knowledge.Persistence;

/// <summary>
/// Tables of another project kept in the same database by a context of its own (the dashboard's
/// sign-in accounts): migrated right after the domain's, by the same <c>migrate</c> and start-up.
/// </summary>
public interface IAdditionalSchema
{
    Task MigrateAsync(CancellationToken cancellationToken);
}
