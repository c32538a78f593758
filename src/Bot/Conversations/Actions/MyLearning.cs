using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using AsnBot.Conversations.Engine;
using AsnBot.Evaluation;
using AsnBot.Knowledge.Catalog;
using AsnBot.Knowledge.Evaluation;
using AsnBot.Knowledge.Learning;
using AsnBot.Knowledge.LearningHours;
using AsnBot.Knowledge.Mentoring;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Conversations.Actions;

/// <summary>
/// The learning part of /dataku: this year's JP ledger and certificates, micro-learning modules,
/// the evaluation answers the person gave (each item by its question), and their mentoring pairs and sessions, as mentor or
/// mentee. Line templates and labels come from the my-data dialog's arguments.
/// </summary>
internal static class MyLearning
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public static async Task<ImmutableDictionary<string, string>> ForAsync(
        ActionContext context, Guid personId, LearningModules modules, EvaluationItemLabels itemLabels, Func<DateTimeOffset, string> local, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var zone = await db.Set<Person>().Where(p => p.Id == personId).Select(p => p.TimeZone).FirstAsync(cancellationToken).ConfigureAwait(false);
        var year = zone.ToLocal(context.Now).Year;
        var entries = await db.Set<LearningHoursEntry>().AsNoTracking()
            .Where(e => e.PersonId == personId && e.Year == year).ToListAsync(cancellationToken).ConfigureAwait(false);
        var certificates = await db.Set<Certificate>().AsNoTracking().Where(c => c.PersonId == personId)
            .Select(c => new { c.FileName, c.UploadedAt, c.EntryId }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var claimIds = certificates.Where(c => c.EntryId != null).Select(c => c.EntryId!.Value).ToList();
        var claims = await db.Set<LearningHoursEntry>().AsNoTracking().Where(e => claimIds.Contains(e.Id))
            .ToDictionaryAsync(e => e.Id, cancellationToken).ConfigureAwait(false);

        var jpLines = entries.OrderBy(e => e.LearnedOn).ThenBy(e => e.RecordedAt).Select(e => Fill(context, "jp_line",
            ("date", e.LearnedOn.ToString("d MMM yyyy", Indonesian)), ("title", e.Title), ("path", e.PathCode),
            ("jp", Jp(e.Jp)), ("status", Label(context, "jp_status." + e.Status))));
        var certificateLines = certificates.OrderBy(c => c.UploadedAt).Select(c =>
        {
            var claim = c.EntryId is { } id ? claims.GetValueOrDefault(id) : null;
            return Fill(context, "certificate_line", ("file", c.FileName), ("date", local(c.UploadedAt)),
                ("title", claim?.Title ?? "-"), ("jp", claim is null ? "-" : Jp(claim.Jp)),
                ("status", Label(context, "jp_status." + (claim?.Status ?? LearningHoursStatus.PendingVerification))));
        });

        return ImmutableDictionary<string, string>.Empty
            .Add("my.jp_year", year.ToString(CultureInfo.InvariantCulture))
            .Add("my.jp_total", Jp(entries.Where(e => e.Status == LearningHoursStatus.Credited).Sum(e => e.Jp)))
            .Add("my.jp", Lines(jpLines))
            .Add("my.certificates", Lines(certificateLines))
            .Add("my.modules", Lines(await ModuleLinesAsync(context, personId, modules, local, cancellationToken).ConfigureAwait(false)))
            .Add("my.evaluations", Lines(await EvaluationLinesAsync(context, personId, itemLabels, local, cancellationToken).ConfigureAwait(false)))
            .Add("my.mentoring", Lines(await MentoringLinesAsync(context, personId, cancellationToken).ConfigureAwait(false)))
            .Add("my.change_projects", Lines(await ChangeProjectLinesAsync(context, personId, cancellationToken).ConfigureAwait(false)));
    }

    private static async Task<IEnumerable<string>> ModuleLinesAsync(
        ActionContext context, Guid personId, LearningModules modules, Func<DateTimeOffset, string> local, CancellationToken cancellationToken)
    {
        var enrolled = await context.Db.Set<ModuleEnrollment>().AsNoTracking().Where(e => e.PersonId == personId)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var results = await context.Db.Set<LessonResult>().AsNoTracking().Where(r => r.PersonId == personId)
            .Select(r => new { r.ModuleId, r.Questions, r.Correct }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return enrolled.OrderBy(e => e.EnrolledAt).Select(e =>
        {
            var module = modules.Find(e.ModuleId);
            var mine = results.Where(r => r.ModuleId == e.ModuleId).ToList();
            return Fill(context, "module_line", ("title", module?.Title ?? e.ModuleId), ("done", Count(e.LessonsDone)),
                ("total", Count(module?.Lessons.Count ?? e.LessonsDone)), ("status", Label(context, "module_status." + e.Status)),
                ("date", local(e.EnrolledAt)), ("correct", Count(mine.Sum(r => r.Correct))), ("questions", Count(mine.Sum(r => r.Questions))));
        });
    }

    private static async Task<IEnumerable<string>> EvaluationLinesAsync(
        ActionContext context, Guid personId, EvaluationItemLabels itemLabels, Func<DateTimeOffset, string> local, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var answered = await (
            from r in db.Set<EvaluationRequest>().AsNoTracking()
            where r.RecipientId == personId && r.Status == EvaluationStatus.Answered
            join t in db.Set<Training>() on r.TrainingCode equals t.Code into trainings
            from t in trainings.DefaultIfEmpty()
            select new { r.Id, r.Level, r.TrainingCode, Title = t == null ? null : t.Title, r.ClosedAt, r.Score })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var ids = answered.Select(a => a.Id).ToList();
        var items = (await db.Set<EvaluationAnswer>().AsNoTracking().Where(a => ids.Contains(a.RequestId)).ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToLookup(a => a.RequestId);
        return answered.OrderBy(a => a.ClosedAt).Select(a => Fill(context, "evaluation_line",
            ("level", Label(context, "evaluation_level." + a.Level)), ("title", a.Title ?? a.TrainingCode), ("code", a.TrainingCode),
            ("date", a.ClosedAt is { } closed ? local(closed) : "-"),
            ("answers", string.Join("; ", items[a.Id].OrderBy(i => i.Id).Select(i => i.Text is { Length: > 0 } text
                ? Fill(context, "evaluation_text", ("item", itemLabels[i.Item]), ("text", text))
                : Fill(context, "evaluation_score", ("item", itemLabels[i.Item]), ("score", i.Score?.ToString(CultureInfo.InvariantCulture) ?? "-")))))));
    }

    private static async Task<IEnumerable<string>> MentoringLinesAsync(ActionContext context, Guid personId, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var pairs = await db.Set<MentoringPair>().AsNoTracking().Where(p => p.MentorId == personId || p.MenteeId == personId)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var others = pairs.Select(p => p.MentorId == personId ? p.MenteeId : p.MentorId).ToList();
        var names = await db.Set<Person>().AsNoTracking().Where(p => others.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, cancellationToken).ConfigureAwait(false);
        var pairIds = pairs.Select(p => p.Id).ToList();
        var sessions = (await db.Set<MentoringSession>().AsNoTracking().Where(s => pairIds.Contains(s.PairId)).ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToLookup(s => s.PairId);
        var lines = new List<string>();
        foreach (var pair in pairs.OrderBy(p => p.CreatedAt))
        {
            var isMentor = pair.MentorId == personId;
            lines.Add(Fill(context, isMentor ? "pair_as_mentor" : "pair_as_mentee",
                ("name", names.GetValueOrDefault(isMentor ? pair.MenteeId : pair.MentorId, "-")), ("every", Count(pair.EveryDays)),
                ("since", pair.FirstSessionOn.ToString("d MMM yyyy", Indonesian)), ("active", Label(context, pair.IsActive ? "pair_active" : "pair_ended"))));
            lines.AddRange(sessions[pair.Id].OrderBy(s => s.Number).Select(s => "  " + Fill(context, "session_line",
                ("number", Count(s.Number)), ("date", s.ScheduledOn.ToString("d MMM yyyy", Indonesian)), ("status", Label(context, "session_status." + s.Status)),
                ("topic", s.Topic ?? "-"), ("action", s.AgreedAction ?? "-"), ("practice", s.MenteePractice ?? "-"))));
        }
        return lines;
    }

    /// <summary>Every aksi perubahan with its milestones, done or not.</summary>
    private static async Task<IEnumerable<string>> ChangeProjectLinesAsync(ActionContext context, Guid personId, CancellationToken cancellationToken)
    {
        var projects = await context.Db.Set<ChangeProject>().AsNoTracking().Include(p => p.Milestones)
            .Where(p => p.PersonId == personId).ToListAsync(cancellationToken).ConfigureAwait(false);
        var lines = new List<string>();
        foreach (var project in projects.OrderBy(p => p.StartedOn))
        {
            lines.Add(Fill(context, "change_project_line",
                ("title", project.Title), ("training", project.TrainingCode),
                ("start", project.StartedOn.ToString("d MMM yyyy", Indonesian)), ("due", project.DueOn.ToString("d MMM yyyy", Indonesian))));
            lines.AddRange(project.Milestones.OrderBy(m => m.Number).Select(m => "  " + Fill(context, "milestone_line",
                ("number", Count(m.Number)), ("title", m.Title), ("due", m.DueOn.ToString("d MMM yyyy", Indonesian)),
                ("status", Label(context, m.DoneAt is null ? "milestone_open" : "milestone_done")))));
        }
        return lines;
    }

    private static string Fill(ActionContext context, string template, params (string Key, string Value)[] values) =>
        TextTemplate.Fill(context.Arg(template), values.Aggregate(ImmutableDictionary<string, string>.Empty, (d, v) => d.SetItem(v.Key, v.Value)));

    private static string Label(ActionContext context, string key) => context.Arg(key) is { Length: > 0 } label ? label : key[(key.IndexOf('.', StringComparison.Ordinal) + 1)..];

    private static string Jp(decimal value) => value.ToString("0.##", Indonesian);

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Lines(IEnumerable<string> items)
    {
        var text = new StringBuilder();
        foreach (var item in items)
            text.Append(item.StartsWith(' ') ? "" : "• ").AppendLine(item);
        return text.Length == 0 ? "-" : text.ToString().TrimEnd();
    }
}
