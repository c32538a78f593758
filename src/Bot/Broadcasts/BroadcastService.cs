using System.Text.Json;
using AsnBot.Delivery;
using AsnBot.Knowledge.Competencies;
using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Profiles;
using AsnBot.Scheduler.Broadcasts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AsnBot.Broadcasts;

/// <summary>What a coordinator writes: the text, button labels, who gets it, and when (local wall-clock time).</summary>
public sealed record BroadcastDraft(string Text, IReadOnlyList<string>? Buttons, AudienceFilter? Audience, DateTime? SendAtLocal, string? CreatedBy);

public sealed record BroadcastPreview(long BroadcastId, int Audience, IReadOnlyDictionary<string, int> ByChannel, DateTimeOffset FirstSendAt, DateTimeOffset EstimatedFinish);

/// <summary>A coordinator's request that cannot be carried out, with the reason.</summary>
public sealed class BroadcastRefusedException(string message) : Exception(message);

/// <summary>
/// Coordinator broadcasts, the same operations for the command line and the HTTP API: create,
/// preview (audience and estimated finish from the channels' rate limits), send, cancel, status.
/// </summary>
public sealed class BroadcastService(
    AsnBotDbContext db, DeliveryWindow window, BroadcastTrigger trigger, IOptions<DeliveryOptions> delivery, CompetencyFramework competencies, TimeProvider time)
{
    /// <summary>Levels run 1-5, so a gap is 1-4.</summary>
    public const int MaxGap = 4;
    public const int MaxButtons = 3;
    public const int MaxButtonLength = 40;
    public const int MaxTextLength = 4096;

    public async Task<long> CreateAsync(BroadcastDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (string.IsNullOrWhiteSpace(draft.Text) || draft.Text.Length > MaxTextLength)
            throw new BroadcastRefusedException($"Text must be 1-{MaxTextLength} characters.");
        var buttons = (draft.Buttons ?? []).Where(b => !string.IsNullOrWhiteSpace(b)).Select(b => b.Trim()).ToList();
        if (buttons.Count > MaxButtons || buttons.Any(b => b.Length > MaxButtonLength))
            throw new BroadcastRefusedException($"At most {MaxButtons} buttons of at most {MaxButtonLength} characters.");
        var now = time.GetUtcNow();
        var broadcast = new Broadcast
        {
            Text = draft.Text.Trim(),
            ButtonsJson = JsonSerializer.Serialize(buttons),
            AudienceJson = Checked(draft.Audience ?? new AudienceFilter()).ToJson(),
            SendAtLocal = draft.SendAtLocal,
            CreatedBy = string.IsNullOrWhiteSpace(draft.CreatedBy) ? "coordinator" : draft.CreatedBy,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Add(broadcast);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return broadcast.Id;
    }

    public async Task<BroadcastPreview> PreviewAsync(long id, CancellationToken cancellationToken)
    {
        var broadcast = await FindAsync(id, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var byChannel = await BroadcastAudience.CountByChannelAsync(db, AudienceFilter.FromJson(broadcast.AudienceJson), now, cancellationToken).ConfigureAwait(false);
        var first = FirstSendAt(broadcast, now);
        var last = Enum.GetValues<IndonesianTimeZone>().Max(zone => BroadcastAudience.DueAt(broadcast, window, zone, now));
        // Each channel drains at its own rate, in parallel; a channel without a limit counts as instant.
        var drain = byChannel.Select(c => delivery.Value.For(c.Key).MessagesPerSecond is > 0 and var rate
            ? TimeSpan.FromSeconds(c.Value / rate) : TimeSpan.Zero).DefaultIfEmpty(TimeSpan.Zero).Max();
        var finish = first + drain > last ? first + drain : last;
        return new BroadcastPreview(id, byChannel.Values.Sum(), byChannel, first, finish);
    }

    /// <summary>Due now: the audience is written to the outbox at once. Later: a trigger does it at the first zone's send time.</summary>
    public async Task<BroadcastStatistics> SendAsync(long id, CancellationToken cancellationToken)
    {
        var broadcast = await FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (broadcast.Status != BroadcastStatus.Draft)
            throw new BroadcastRefusedException($"Broadcast {id} is {broadcast.Status}; only a draft can be sent.");
        var now = time.GetUtcNow();
        var first = FirstSendAt(broadcast, now);
        if (first <= now)
        {
            await BroadcastAudience.EnqueueAsync(db, id, window, now, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await trigger.ScheduleAsync(id, first, cancellationToken).ConfigureAwait(false);
            broadcast.Status = BroadcastStatus.Scheduled;
            broadcast.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        return (await BroadcastStatistics.ForAsync(db, id, cancellationToken).ConfigureAwait(false))!;
    }

    public async Task<BroadcastStatistics> CancelAsync(long id, CancellationToken cancellationToken)
    {
        var broadcast = await FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (broadcast.Status == BroadcastStatus.Scheduled)
            await trigger.UnscheduleAsync(id, cancellationToken).ConfigureAwait(false);
        await OutboxStore.CancelBroadcastAsync(db, id, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return (await BroadcastStatistics.ForAsync(db, id, cancellationToken).ConfigureAwait(false))!;
    }

    public async Task<BroadcastStatistics> StatusAsync(long id, CancellationToken cancellationToken) =>
        await BroadcastStatistics.ForAsync(db, id, cancellationToken).ConfigureAwait(false)
        ?? throw new BroadcastRefusedException($"Broadcast {id} does not exist.");

    /// <summary>Gap criteria on known competency codes, spelled as the dictionary spells them (m.3 -> M.3).</summary>
    private AudienceFilter Checked(AudienceFilter audience)
    {
        var gaps = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (code, gap) in audience.Gaps)
        {
            var competency = competencies.Find(code)
                ?? throw new BroadcastRefusedException($"Unknown competency code '{code}' in the gap filter; use a code of data/competencies.yaml, e.g. M.3.");
            if (gap is < 1 or > MaxGap)
                throw new BroadcastRefusedException($"The gap for {competency.Code} must be 1-{MaxGap} (levels run 1-5).");
            gaps[competency.Code] = gap;
        }
        return audience with { Gaps = gaps };
    }

    /// <summary>WIT is the earliest zone: its local send time comes first.</summary>
    private DateTimeOffset FirstSendAt(Broadcast broadcast, DateTimeOffset now) =>
        Enum.GetValues<IndonesianTimeZone>().Min(zone => BroadcastAudience.DueAt(broadcast, window, zone, now));

    private async Task<Broadcast> FindAsync(long id, CancellationToken cancellationToken) =>
        await db.Set<Broadcast>().FirstOrDefaultAsync(b => b.Id == id, cancellationToken).ConfigureAwait(false)
        ?? throw new BroadcastRefusedException($"Broadcast {id} does not exist.");
}
