using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Channels.Teams;

/// <summary>
/// The Teams side of <see cref="ChannelAccount"/>: the conversation reference kept up to date
/// for proactive sends, and reachability as Teams reports it (uninstall, blocked bot).
/// Only people who registered (and so consented) have an account; nobody else is stored.
/// </summary>
public sealed class TeamsAccounts(IServiceScopeFactory scopes)
{
    public const string Channel = "teams";

    public async Task<TeamsConversationReference?> FindReferenceAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var json = await Accounts(scope, conversationId).Select(a => a.Reference).FirstOrDefaultAsync(cancellationToken);
        return TeamsConversationReference.Parse(json);
    }

    /// <summary>Saves the latest reference and marks the account reachable; a no-op for someone not registered.</summary>
    public async Task RememberAsync(TeamsConversationReference reference, CancellationToken cancellationToken)
    {
        var json = reference.ToJson();
        await using var scope = scopes.CreateAsyncScope();
        await Accounts(scope, reference.ConversationId)
            .Where(a => a.Reference != json || !a.IsReachable)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Reference, json).SetProperty(a => a.IsReachable, true), cancellationToken);
    }

    public async Task MarkUnreachableAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await Accounts(scope, conversationId).Where(a => a.IsReachable)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.IsReachable, false), cancellationToken);
    }

    private static IQueryable<ChannelAccount> Accounts(AsyncServiceScope scope, string conversationId) =>
        scope.ServiceProvider.GetRequiredService<AsnBotDbContext>().Set<ChannelAccount>()
            .Where(a => a.Channel == Channel && a.Address == conversationId);
}
