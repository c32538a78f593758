using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Privacy;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Knowledge.LearningHours;

public enum CertificateProblem
{
    None,
    TooLarge,
    NotPhotoOrPdf,
    Duplicate,
}

/// <summary>A claim waiting for a coordinator, with who made it and the certificate behind it.</summary>
public sealed record PendingClaim(Guid EntryId, string Nip, string FullName, string Title, string PathCode, decimal Jp, DateOnly LearnedOn, Guid? CertificateId, string? ContentType);

/// <summary>
/// Certificates of outside training: a photo (JPEG, PNG) or PDF of at most <see cref="MaxBytes"/>,
/// recognised by its first bytes rather than by what the sender calls it; then the claim the person
/// fills in, waiting as <see cref="LearningHoursStatus.PendingVerification"/> until a coordinator
/// approves it and its JP count.
/// </summary>
public sealed class Certificates(AsnBotDbContext db, LearningHoursLedger ledger, TimeProvider time)
{
    public const int MaxBytes = 5 * 1024 * 1024;

    public static string? ContentTypeOf(ReadOnlySpan<byte> content) => content switch
    {
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        [0x25, 0x50, 0x44, 0x46, 0x2D, ..] => "application/pdf",
        _ => null,
    };

    /// <summary>Stores the file for the person's next claim. Nothing is stored when there is a problem.</summary>
    public async Task<CertificateProblem> ReceiveAsync(Guid personId, string fileName, byte[] content, string? externalId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length > MaxBytes)
            return CertificateProblem.TooLarge;
        if (ContentTypeOf(content) is not { } contentType)
            return CertificateProblem.NotPhotoOrPdf;
        if (externalId is not null && await db.Set<Certificate>().AnyAsync(c => c.ExternalId == externalId, cancellationToken).ConfigureAwait(false))
            return CertificateProblem.Duplicate;
        db.Add(new Certificate
        {
            PersonId = personId,
            FileName = Path.GetFileName(fileName) is { Length: > 0 and <= 200 } name ? name : "sertifikat",
            ContentType = contentType,
            Content = content,
            UploadedAt = time.GetUtcNow(),
            ExternalId = externalId,
        });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return CertificateProblem.None;
    }

    /// <summary>
    /// The person's claim for their latest certificate not yet claimed: a ledger entry awaiting
    /// verification. Null when no certificate waits for a claim.
    /// </summary>
    public async Task<LearningHoursEntry?> ClaimAsync(Guid personId, string title, string pathCode, decimal jp, DateOnly learnedOn, CancellationToken cancellationToken)
    {
        var certificate = await db.Set<Certificate>()
            .Where(c => c.PersonId == personId && c.EntryId == null)
            .OrderByDescending(c => c.UploadedAt)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (certificate is null)
            return null;
        var entry = await ledger.CreditAsync(
            new LearningActivity(personId, pathCode, LearningSource.Certificate, title, learnedOn, $"certificate:{certificate.Id}", jp, NeedsVerification: true),
            cancellationToken).ConfigureAwait(false);
        if (entry is not null)
            certificate.EntryId = entry.Id;
        return entry;
    }

    public Task<IReadOnlyList<PendingClaim>> PendingAsync(CancellationToken cancellationToken) => PendingAsync(null, cancellationToken);

    /// <summary>The claims waiting for verification of the people among <paramref name="within"/> (everyone when null).</summary>
    public async Task<IReadOnlyList<PendingClaim>> PendingAsync(IQueryable<Person>? within, CancellationToken cancellationToken)
    {
        var pending = await (
            from entry in db.Set<LearningHoursEntry>().AsNoTracking()
            where entry.Status == LearningHoursStatus.PendingVerification
            join person in within ?? db.Set<Person>() on entry.PersonId equals person.Id
            join certificate in db.Set<Certificate>() on entry.Id equals certificate.EntryId into files
            from file in files.DefaultIfEmpty()
            select new PendingClaim(entry.Id, person.Nip, person.FullName, entry.Title, entry.PathCode, entry.Jp, entry.LearnedOn,
                file == null ? null : file.Id, file == null ? null : file.ContentType))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. pending.OrderBy(p => p.LearnedOn)];
    }

    public Task<Certificate?> FileAsync(Guid certificateId, CancellationToken cancellationToken) =>
        db.Set<Certificate>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == certificateId, cancellationToken);

    /// <summary>A coordinator's verdict on a claim; its JP count from approval on. False when no such claim waits.</summary>
    public async Task<bool> ReviewAsync(Guid entryId, bool approve, string reviewedBy, CancellationToken cancellationToken)
    {
        var reviewed = await ledger.ReviewAsync(entryId, approve, reviewedBy, cancellationToken).ConfigureAwait(false);
        if (reviewed)
        {
            var entry = await db.Set<LearningHoursEntry>().FirstAsync(e => e.Id == entryId, cancellationToken).ConfigureAwait(false);
            PersonalData.Log(db, entry.PersonId, "Pengelola", approve ? "Klaim JP dari sertifikat disetujui" : "Klaim JP dari sertifikat ditolak", time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        return reviewed;
    }
}
