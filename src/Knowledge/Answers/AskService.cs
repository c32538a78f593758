using AsnBot.Knowledge.Answers.Llm;
using AsnBot.Knowledge.LearningHours;
using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Profiles;
using AsnBot.Knowledge.Recommendations;
using Microsoft.EntityFrameworkCore;

namespace AsnBot.Knowledge.Answers;

/// <summary>
/// One question, one answer, for the chat and the command line alike: retrieval always,
/// and a language model on top when one is configured (<paramref name="composer"/> is then
/// registered), falling back to retrieval when it is slow, fails, or cites nothing it was given.
/// </summary>
public sealed class AskService(
    QuestionAnswerer answerer, RecommendationService recommendations, LearningHoursLedger ledger, TimeProvider time, LlmAnswerComposer? composer = null)
{
    public bool UsesLanguageModel => composer is not null;

    /// <summary>The answer to a question; with <paramref name="routeFeatures"/> a request for a menu feature is recognised first.</summary>
    public async Task<QuestionAnswer> AskAsync(AsnBotDbContext db, string text, Guid? askerId, bool routeFeatures, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (routeFeatures && answerer.Route(text) is { } feature)
            return feature;
        var catalog = await recommendations.RecommenderAsync(db, cancellationToken).ConfigureAwait(false);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var retrieved = answerer.Retrieve(text, catalog, today);
        if (composer is null)
            return retrieved;
        var asker = askerId is { } id
            ? await db.Set<Person>().AsNoTracking().Where(p => p.Id == id).Select(p => new AskerIdentity(p.FullName, p.Nip))
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            : null;
        var tools = new AskerTools(answerer, catalog, today, askerId, ledger);
        return await composer.ComposeAsync(text, retrieved, tools, asker, cancellationToken).ConfigureAwait(false) ?? retrieved;
    }
}
