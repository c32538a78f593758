using AsnBot.Conversations;
using AsnBot.Conversations.Dialogs;
using AsnBot.Conversations.Engine;
using AsnBot.Knowledge.LearningHours;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Learning;

/// <summary>
/// A certificate file arriving on any channel (the web chat's upload, a Telegram photo or
/// document): stored within the size and type limits, then the <c>jp-certificate</c> dialog asks
/// for the details the coordinator needs. Channels only hand over the bytes and send the replies.
/// </summary>
public sealed class CertificateIntake(IServiceScopeFactory scopes, ConversationService conversations, DialogSet dialogs)
{
    public const string DialogId = "jp-certificate";

    /// <param name="content">The file; null when the channel saw it was too large to fetch.</param>
    public async Task<IReadOnlyList<Reply>> ReceiveAsync(ChannelUser user, string fileName, byte[]? content, string? externalId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (content is null)
            return [new Reply(dialogs.Texts["certificate.too_large"])];
        CertificateProblem problem;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AsnBotDbContext>();
            var personId = await db.Set<ChannelAccount>().Where(c => c.Channel == user.Channel && c.Address == user.Address)
                .Select(c => (Guid?)c.PersonId).FirstOrDefaultAsync(cancellationToken);
            if (personId is null)
                return [new Reply(dialogs.Texts["certificate.unregistered"])];
            problem = await scope.ServiceProvider.GetRequiredService<Certificates>().ReceiveAsync(personId.Value, fileName, content, externalId, cancellationToken);
        }
        switch (problem)
        {
            case CertificateProblem.TooLarge:
                return [new Reply(dialogs.Texts["certificate.too_large"])];
            case CertificateProblem.NotPhotoOrPdf:
                return [new Reply(dialogs.Texts["certificate.wrong_type"])];
            case CertificateProblem.Duplicate:
                return [];
        }
        var turn = await conversations.StartDialogAsync(user, DialogId, cancellationToken);
        return turn.Replies.Count > 0 ? turn.Replies : [new Reply(dialogs.Texts["certificate.queued"])];
    }
}
