using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace AsnBot.Knowledge.Answers.Llm;

/// <summary>Who asks, as the model may know them: nothing unless <see cref="LlmOptions.SendPersonIdentity"/> allows it.</summary>
public sealed record AskerIdentity(string FullName, string Nip);

/// <summary>
/// Composes an answer with a language model through Semantic Kernel: the retrieved passages
/// are numbered in the system message, the person's text is the only user message, and the
/// model may call the asker's functions. The answer must cite a passage ([n]) or rest on a
/// function's result; otherwise, and on a timeout or any error, the caller keeps the
/// retrieval answer.
/// </summary>
public sealed partial class LlmAnswerComposer(IChatCompletionService chat, IOptions<LlmOptions> options, QuestionContent content, ILogger<LlmAnswerComposer> logger)
{
    private const int MaxTokens = 700;

    [GeneratedRegex(@"\[(\d{1,2})\]")]
    private static partial Regex Citation();

    /// <summary>The composed answer, or null to keep the retrieval answer.</summary>
    public async Task<QuestionAnswer?> ComposeAsync(string question, QuestionAnswer retrieved, AskerTools tools, AskerIdentity? asker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(retrieved);
        ArgumentNullException.ThrowIfNull(tools);
        var settings = options.Value;
        var history = new ChatHistory();
        history.AddSystemMessage(SystemMessage(retrieved.Passages, settings.SendPersonIdentity ? asker : null));
        history.AddUserMessage(question);

        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton(chat);
        builder.Plugins.AddFromObject(tools, AskerTools.PluginName);
        var kernel = builder.Build();
        var execution = new OpenAIPromptExecutionSettings
        {
            FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(),
            MaxTokens = MaxTokens,
            Temperature = 0.2,
        };

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        string text;
        try
        {
            var reply = await chat.GetChatMessageContentAsync(history, execution, kernel, timeout.Token).ConfigureAwait(false);
            text = reply.Content?.Trim() ?? "";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogTimeout(logger, settings.TimeoutSeconds);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e.GetType().Name);
            return null;
        }
        return Cited(text, retrieved, tools);
    }

    private string SystemMessage(IReadOnlyList<Passage> passages, AskerIdentity? asker)
    {
        var text = new StringBuilder(content.LlmInstructions).AppendLine().AppendLine().AppendLine("PASSAGES:");
        foreach (var (passage, n) in passages.Select((p, i) => (p, i + 1)))
            text.AppendLine(CultureInfo.InvariantCulture, $"[{n}] {passage.Title}\n{passage.Text}\n(Sumber: {passage.Source})").AppendLine();
        if (asker is not null)
            text.AppendLine(CultureInfo.InvariantCulture, $"PENANYA: {asker.FullName}, NIP {asker.Nip}");
        return text.ToString();
    }

    /// <summary>The answer with the sources it cites, or null when it cites nothing it was given.</summary>
    private QuestionAnswer? Cited(string text, QuestionAnswer retrieved, AskerTools tools)
    {
        if (text.Length == 0)
            return null;
        var cited = Citation().Matches(text)
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            .Where(n => n >= 1 && n <= retrieved.Passages.Count)
            .Distinct()
            .Select(n => retrieved.Passages[n - 1])
            .ToList();
        var fromTools = tools.Returned.Distinct(StringComparer.Ordinal)
            .Where(id => id == AskerTools.LedgerSource || text.Contains(id["catalog:".Length..], StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (cited.Count == 0 && fromTools.Count == 0)
            return null;
        var sources = cited.Select(p => p.SourceId).Concat(fromTools).Distinct(StringComparer.Ordinal).ToList();
        var names = cited.Select(p => p.Source)
            .Concat(fromTools.Select(id => content.Texts[id == AskerTools.LedgerSource ? "ledger_source" : "catalog_source"]))
            .Distinct(StringComparer.Ordinal);
        var route = sources.All(s => !s.StartsWith("knowledge:", StringComparison.Ordinal)) ? AnswerRoute.Catalog : AnswerRoute.Faq;
        var answer = text + "\n\n" + content.Format("llm_sources", ("sources", string.Join("; ", names)));
        return new QuestionAnswer(route, answer, sources) { Passages = retrieved.Passages };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The language model did not answer within {Seconds} s; the retrieval answer is used")]
    private static partial void LogTimeout(ILogger logger, int seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The language model failed ({Error}); the retrieval answer is used")]
    private static partial void LogFailed(ILogger logger, string error);
}
