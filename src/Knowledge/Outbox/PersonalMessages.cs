using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Knowledge.Outbox;

/// <summary>A message for one person, planned at a wall-clock time of their own zone (or as soon as allowed).</summary>
public sealed record PersonalMessage(Guid PersonId, string DedupeKey, OutboxKind Kind, OutboxPayload Payload, DateTime? LocalTime = null);

/// <summary>Writes personal messages (reminders, digests, lessons) to the outbox, each to the person's preferred reachable channel.</summary>
public static class PersonalMessages
{
    private static readonly string[] ChannelPreference = ["telegram", "teams", "web"];

    public static async Task<int> EnqueueAsync(
        AsnBotDbContext db, IReadOnlyCollection<PersonalMessage> messages, DeliveryWindow window, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(window);
        var added = 0;
        foreach (var chunk in messages.Chunk(500))
        {
            var ids = chunk.Select(m => m.PersonId).Distinct().ToList();
            var zones = await db.Set<Person>().Where(p => ids.Contains(p.Id))
                .ToDictionaryAsync(p => p.Id, p => p.TimeZone, cancellationToken).ConfigureAwait(false);
            var accounts = (await db.Set<ChannelAccount>().Where(c => ids.Contains(c.PersonId) && c.IsReachable)
                    .ToListAsync(cancellationToken).ConfigureAwait(false))
                .GroupBy(c => c.PersonId)
                .ToDictionary(g => g.Key, g => g.OrderBy(c => Preference(c.Channel)).ThenBy(c => c.Id).First());
            var rows = new List<OutboxMessage>();
            foreach (var message in chunk)
            {
                if (!zones.TryGetValue(message.PersonId, out var zone) || !accounts.TryGetValue(message.PersonId, out var account))
                    continue;
                var planned = message.LocalTime is { } local ? window.At(local, zone) : window.NextAllowed(now, zone);
                rows.Add(new OutboxMessage
                {
                    PersonId = message.PersonId, Channel = account.Channel, Address = account.Address, Kind = message.Kind,
                    PayloadJson = message.Payload.ToJson(), NotBefore = planned < now ? window.NextAllowed(now, zone) : planned,
                    DedupeKey = message.DedupeKey, CreatedAt = now, UpdatedAt = now,
                });
            }
            added += await OutboxStore.EnqueueAsync(db, rows, cancellationToken).ConfigureAwait(false);
        }
        return added;
    }

    private static int Preference(string channel)
    {
        var index = Array.IndexOf(ChannelPreference, channel);
        return index < 0 ? ChannelPreference.Length : index;
    }
}
