using AsnBot.Knowledge.Persistence;
using AsnBot.Knowledge.Recommendations;

namespace AsnBot.Knowledge.Answers;

/// <summary>
/// One question, one answer, for the chat and the command line alike: retrieval always,
/// and a language model on top when one is configured, falling back to retrieval when it
/// is slow, fails, or cites nothing it was given.
/// </summary>
public sealed class AskService(QuestionAnswerer answerer, RecommendationService recommendations, TimeProvider time)
{
    /// <summary>The answer to a question; with <paramref name="routeFeatures"/> a request for a menu feature is recognised first.</summary>
    public async Task<QuestionAnswer> AskAsync(AsnBotDbContext db, string text, Guid? askerId, bool routeFeatures, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (routeFeatures && answerer.Route(text) is { } feature)
            return feature;
        var catalog = await recommendations.RecommenderAsync(db, cancellationToken).ConfigureAwait(false);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return answerer.Retrieve(text, catalog, today);
    }
}
