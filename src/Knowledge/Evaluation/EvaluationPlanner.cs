using System.Collections.Immutable;
using AsnBot.Knowledge.Enrollments;
using AsnBot.Knowledge.Mentoring;
using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Knowledge.Evaluation;

/// <summary>
/// Decides, from the enrollments' dates, which questionnaires are owed and which are due:
/// level 1 and the post-test right after completion, the pre-test at registration, level 3
/// (and the optional check-in) N days after completion to the participant and their mentor or
/// supervisor at the ask hour of each one's local day. The asked are reminded twice, then
/// counted as not responded.
/// </summary>
public sealed class EvaluationPlanner(EvaluationSettings settings, QuestionBanks banks)
{
    /// <summary>How long after completion the reaction and the post-test are still asked.</summary>
    public static readonly TimeSpan RightAfterWindow = TimeSpan.FromDays(7);

    /// <summary>Creates the requests owed by now and saves them, so their ids (and dedupe keys) are fixed before anything is sent.</summary>
    public async Task<int> OpenOwedRequestsAsync(AsnBotDbContext db, DateTimeOffset now, TimeOnly askAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var created = new List<EvaluationRequest>();
        created.AddRange(await PreTestsAsync(db, now, cancellationToken).ConfigureAwait(false));
        created.AddRange(await AfterCompletionAsync(db, now, askAt, cancellationToken).ConfigureAwait(false));
        db.AddRange(created);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return created.Count;
    }

    /// <summary>
    /// The asks, reminders and give-ups due at <paramref name="now"/>. The requests are updated in
    /// the context; the caller writes the messages to the outbox and then saves.
    /// </summary>
    public async Task<IReadOnlyList<PersonalMessage>> DueMessagesAsync(AsnBotDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var open = await db.Set<EvaluationRequest>()
            .Where(r => r.Status == EvaluationStatus.Open && r.DueAt <= now)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        // Due together, reaction goes first: the post-test waits behind it in the person's chat.
        open = [.. open.OrderBy(r => r.DueAt).ThenBy(r => r.Level).ThenBy(r => r.Role)];
        var every = TimeSpan.FromDays(settings.ReminderEveryDays);
        var messages = new List<PersonalMessage>();
        foreach (var request in open)
        {
            if (request.AskedAt is null)
            {
                request.AskedAt = now;
                messages.Add(Ask(request, "ask"));
                continue;
            }
            // Reminders follow the planned hour; an ask that went out late moves them along with it.
            var start = request.AskedAt.Value - request.DueAt > TimeSpan.FromHours(1) ? request.AskedAt.Value : request.DueAt;
            var next = start + (every * (request.Reminders + 1));
            if (now < next)
                continue;
            if (request.Reminders < settings.Reminders)
            {
                request.Reminders++;
                messages.Add(Ask(request, $"reminder-{request.Reminders}"));
            }
            else
            {
                request.Status = EvaluationStatus.NotResponded;
                request.ClosedAt = now;
            }
        }
        return messages;
    }

    private static PersonalMessage Ask(EvaluationRequest request, string what) =>
        new(request.RecipientId, $"evaluation:{request.Id:N}:{what}", OutboxKind.StartDialog, new OutboxPayload { DialogId = request.DialogId });

    private async Task<List<EvaluationRequest>> PreTestsAsync(AsnBotDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var codes = banks.TrainingCodes.ToList();
        if (codes.Count == 0)
            return [];
        var registered = await db.Set<Enrollment>()
            .Where(e => e.Status == EnrollmentStatus.Registered && codes.Contains(e.TrainingCode))
            .Where(e => !db.Set<EvaluationRequest>().Any(r => r.EnrollmentId == e.Id && r.Level == EvaluationLevel.PreTest))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. registered.Select(e => New(e, EvaluationLevel.PreTest, EvaluationRole.Participant, e.PersonId, now, now))];
    }

    private async Task<List<EvaluationRequest>> AfterCompletionAsync(AsnBotDbContext db, DateTimeOffset now, TimeOnly askAt, CancellationToken cancellationToken)
    {
        var since = now.AddDays(-settings.LongestDays);
        var completed = await db.Set<Enrollment>()
            .Where(e => e.Status == EnrollmentStatus.Completed && e.CompletedAt != null && e.CompletedAt <= now && e.CompletedAt >= since)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (completed.Count == 0)
            return [];
        var ids = completed.Select(e => e.Id).ToList();
        var existing = (await db.Set<EvaluationRequest>().Where(r => ids.Contains(r.EnrollmentId))
                .Select(r => new { r.EnrollmentId, r.Level, r.Role }).ToListAsync(cancellationToken).ConfigureAwait(false))
            .Select(r => (r.EnrollmentId, r.Level, r.Role)).ToHashSet();
        var participants = completed.Select(e => e.PersonId).Distinct().ToList();
        var mentors = await MentoringPairs.GuidesOfAsync(db, participants, cancellationToken).ConfigureAwait(false);
        var people = mentors.Values.Concat(participants).Distinct().ToList();
        var zones = await db.Set<Person>().Where(p => people.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.TimeZone, cancellationToken).ConfigureAwait(false);

        var created = new List<EvaluationRequest>();
        foreach (var enrollment in completed)
        {
            if (!zones.TryGetValue(enrollment.PersonId, out var zone))
                continue;
            var completedAt = enrollment.CompletedAt!.Value;
            var completedOn = DateOnly.FromDateTime(zone.ToLocal(completedAt).DateTime);
            var timing = settings.For(enrollment.TrainingCode);
            var owed = new List<(EvaluationLevel Level, EvaluationRole Role, Guid Recipient, DateTimeOffset Due)>();
            // "Right after" means right after: a completion recorded weeks late gets no reaction questionnaire.
            if (completedAt >= now - RightAfterWindow)
            {
                owed.Add((EvaluationLevel.Reaction, EvaluationRole.Participant, enrollment.PersonId, completedAt));
                if (banks.Find(enrollment.TrainingCode) is not null)
                    owed.Add((EvaluationLevel.PostTest, EvaluationRole.Participant, enrollment.PersonId, completedAt));
            }
            var later = new List<(EvaluationLevel Level, int Days)> { (EvaluationLevel.Behaviour, timing.BehaviourAfterDays) };
            if (timing.CheckInAfterDays is { } checkIn)
                later.Add((EvaluationLevel.BehaviourCheckIn, checkIn));
            foreach (var (level, days) in later)
            {
                var day = completedOn.AddDays(days);
                owed.Add((level, EvaluationRole.Participant, enrollment.PersonId, LocalInstant(day, askAt, zone)));
                if (mentors.TryGetValue(enrollment.PersonId, out var mentor) && zones.TryGetValue(mentor, out var mentorZone))
                    owed.Add((level, EvaluationRole.Mentor, mentor, LocalInstant(day, askAt, mentorZone)));
            }
            foreach (var (level, role, recipient, due) in owed)
            {
                if (existing.Contains((enrollment.Id, level, role)))
                    continue;
                // A mentor paired long after the participant's own level-3 questionnaire closed is not asked.
                if (role == EvaluationRole.Mentor && due.AddDays(settings.ReminderEveryDays * (settings.Reminders + 1)) < now)
                    continue;
                created.Add(New(enrollment, level, role, recipient, due, now));
            }
        }
        return created;
    }

    private static DateTimeOffset LocalInstant(DateOnly day, TimeOnly time, IndonesianTimeZone zone) =>
        new(day.ToDateTime(time), zone.Offset());

    private static EvaluationRequest New(Enrollment enrollment, EvaluationLevel level, EvaluationRole role, Guid recipient, DateTimeOffset due, DateTimeOffset now) => new()
    {
        EnrollmentId = enrollment.Id, TrainingCode = enrollment.TrainingCode, Level = level, Role = role,
        RecipientId = recipient, ParticipantId = enrollment.PersonId, DueAt = due, CreatedAt = now,
    };

    /// <summary>Items of a likert questionnaire as the dialog saved them: answers whose key starts with <c>item.</c>.</summary>
    public static ImmutableDictionary<string, int> LikertItems(IReadOnlyDictionary<string, string> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var items = ImmutableDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        foreach (var (key, value) in answers)
        {
            if (key.StartsWith("item.", StringComparison.Ordinal) && !key.EndsWith(":label", StringComparison.Ordinal)
                && int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var score))
                items[key["item.".Length..]] = score;
        }
        return items.ToImmutable();
    }
}
