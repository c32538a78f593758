using AsnBot.Knowledge.Outbox;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Privacy;
using AsnBot.Knowledge.Profiles;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Knowledge.Questions;

/// <summary>An open question as a coordinator sees it.</summary>
public sealed record OpenQuestionView(long Id, DateTimeOffset AskedAt, string Text, string PersonName, string Agency);

public enum AnswerOutcome
{
    Answered,
    NotFound,
    AlreadyAnswered,
    EmptyAnswer,
}

/// <summary>
/// The hand-off desk: questions the bot passed on, the coordinators' list of open ones,
/// and their answers, sent to the person through the outbox. The chat, the command line,
/// the HTTP API and the dashboard all use these same operations.
/// </summary>
public sealed class QuestionDesk(AsnBotDbContext db, DeliveryWindow window, TimeProvider time)
{
    /// <summary>The outbox text (dialogs/texts.yaml) that carries an answer to the person.</summary>
    public const string AnswerTextKey = "outbox.question_answered";

    /// <summary>Stores the question (saved at once so it has its number) and logs it in the person's processing history.</summary>
    public async Task<PersonQuestion> SubmitAsync(Guid personId, string text, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var now = time.GetUtcNow();
        var trimmed = text.Trim();
        var question = new PersonQuestion
        {
            PersonId = personId,
            Text = trimmed.Length > PersonQuestionMapping.MaxText ? trimmed[..PersonQuestionMapping.MaxText] : trimmed,
            AskedAt = now,
        };
        db.Add(question);
        PersonalData.Log(db, personId, "Anda", "Meneruskan pertanyaan ke pengelola", now);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return question;
    }

    public Task<IReadOnlyList<OpenQuestionView>> ListOpenAsync(CancellationToken cancellationToken) => ListOpenAsync(null, cancellationToken);

    /// <summary>The open questions of the people among <paramref name="within"/> (everyone when null).</summary>
    public async Task<IReadOnlyList<OpenQuestionView>> ListOpenAsync(IQueryable<Person>? within, CancellationToken cancellationToken)
    {
        var open = await db.Set<PersonQuestion>().AsNoTracking()
            .Where(q => q.Status == QuestionStatus.Open)
            .Join(within ?? db.Set<Person>(), q => q.PersonId, p => p.Id, (q, p) => new { q.Id, q.AskedAt, q.Text, p.FullName, p.Agency })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        // Sorted here: SQLite cannot order by a DateTimeOffset column.
        return [.. open.OrderBy(q => q.AskedAt).ThenBy(q => q.Id).Select(q => new OpenQuestionView(q.Id, q.AskedAt, q.Text, q.FullName, q.Agency))];
    }

    /// <summary>Records the answer and puts it in the outbox for the person, once: answering twice is refused.</summary>
    public async Task<AnswerOutcome> AnswerAsync(long id, string answer, string answeredBy, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(answer))
            return AnswerOutcome.EmptyAnswer;
        var question = await db.Set<PersonQuestion>().FirstOrDefaultAsync(q => q.Id == id, cancellationToken).ConfigureAwait(false);
        if (question is null)
            return AnswerOutcome.NotFound;
        if (question.Status == QuestionStatus.Answered)
            return AnswerOutcome.AlreadyAnswered;
        var now = time.GetUtcNow();
        var trimmed = answer.Trim();
        // The answer and its outbox row land together, or neither does.
        await using var transaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false)
            : null;
        question.Status = QuestionStatus.Answered;
        question.Answer = trimmed.Length > PersonQuestionMapping.MaxAnswer ? trimmed[..PersonQuestionMapping.MaxAnswer] : trimmed;
        question.AnsweredBy = answeredBy;
        question.AnsweredAt = now;
        PersonalData.Log(db, question.PersonId, answeredBy, "Menjawab pertanyaan nomor " + id.ToString(System.Globalization.CultureInfo.InvariantCulture), now);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var payload = new OutboxPayload
        {
            TextKey = AnswerTextKey,
            Args = new Dictionary<string, string> { ["question"] = question.Text, ["answer"] = question.Answer },
        };
        await PersonalMessages.EnqueueAsync(db, [new PersonalMessage(question.PersonId, "question-answer:" + id.ToString(System.Globalization.CultureInfo.InvariantCulture), OutboxKind.Text, payload)],
            window, now, cancellationToken).ConfigureAwait(false);
        if (transaction is not null)
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return AnswerOutcome.Answered;
    }
}
