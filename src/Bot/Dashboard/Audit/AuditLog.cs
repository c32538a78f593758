using System.Security.Claims;
using AsnBot.Dashboard.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Dashboard.Audit;

/// <summary>Writes and reads the dashboard's audit log.</summary>
public sealed class AuditLog(DashboardDbContext db, TimeProvider time)
{
    public const int MaxSubjectLength = 500;

    public Task WriteAsync(ClaimsPrincipal user, string action, string subject, CancellationToken cancellationToken) =>
        WriteAsync(user?.Identity?.Name ?? "(anonim)", action, subject, cancellationToken);

    public async Task WriteAsync(string userName, string action, string subject, CancellationToken cancellationToken)
    {
        db.Add(new AuditEntry
        {
            At = time.GetUtcNow(),
            UserName = userName,
            Action = action,
            Subject = subject.Length > MaxSubjectLength ? subject[..MaxSubjectLength] : subject,
        });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The newest entries first, optionally only those of one user or action.</summary>
    public async Task<(IReadOnlyList<AuditEntry> Entries, int Total)> PageAsync(string? search, int skip, int take, CancellationToken cancellationToken)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            query = query.Where(e => e.UserName.Contains(term) || e.Action.Contains(term) || e.Subject.Contains(term));
        }
        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        var entries = await query.OrderByDescending(e => e.Id).Skip(skip).Take(take).ToListAsync(cancellationToken).ConfigureAwait(false);
        return (entries, total);
    }
}
