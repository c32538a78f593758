using System.ClientModel;
using System.ClientModel.Primitives;
using AsnBot.Knowledge.Answers.Llm;
using AsnBot.Knowledge.Content;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;

namespace AsnBot.Knowledge.Answers;

public static class AnswersDependencyInjection
{
    /// <summary>The knowledge base, the route table, the retrieval answerer and the hand-off desk; the language model only when configured.</summary>
    public static IHostApplicationBuilder AddQuestionAnswers(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton(provider => KnowledgeBase.Load(DataPath(provider, "knowledge")));
        services.AddSingleton(provider => QuestionContent.Load(DataPath(provider, "questions.yaml")));
        services.AddSingleton<QuestionAnswerer>();
        services.AddScoped<AskService>();
        services.AddScoped<Questions.QuestionDesk>();
        // Whether the optional part exists at all is decided here, as eShop's AddAIServices does;
        // its settings are still bound and validated after Build().
        if (!string.IsNullOrWhiteSpace(builder.Configuration[LlmOptions.Section + ":Endpoint"]))
            services.AddLanguageModel();
        return builder;
    }

    private static void AddLanguageModel(this IServiceCollection services)
    {
        services.AddOptions<LlmOptions>().BindConfiguration(LlmOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IChatCompletionService>(provider =>
        {
            var llm = provider.GetRequiredService<IOptions<LlmOptions>>().Value;
            var client = new OpenAIClient(new ApiKeyCredential(llm.ApiKey.Length > 0 ? llm.ApiKey : "none"), new OpenAIClientOptions
            {
                Endpoint = new Uri(llm.Endpoint.TrimEnd('/')),
                NetworkTimeout = TimeSpan.FromSeconds(llm.TimeoutSeconds),
                // A slow or failing model falls back to retrieval at once; retries would only keep the person waiting.
                RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            });
            return new OpenAIChatCompletionService(llm.Model, client, provider.GetRequiredService<ILoggerFactory>());
        });
        services.AddSingleton<LlmAnswerComposer>();
    }

    private static string DataPath(IServiceProvider provider, string name) =>
        provider.GetRequiredService<IOptions<ContentOptions>>().Value.DataFile(name);
}
