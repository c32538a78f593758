using AsnBot.Knowledge.Content;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AsnBot.Knowledge.Answers;

public static class AnswersDependencyInjection
{
    /// <summary>The knowledge base, the route table and the retrieval answerer; the language model only when configured.</summary>
    public static IServiceCollection AddQuestionAnswers(this IServiceCollection services)
    {
        services.AddSingleton(provider => KnowledgeBase.Load(DataPath(provider, "knowledge")));
        services.AddSingleton(provider => QuestionContent.Load(DataPath(provider, "questions.yaml")));
        services.AddSingleton<QuestionAnswerer>();
        services.AddScoped<AskService>();
        return services;
    }

    private static string DataPath(IServiceProvider provider, string name) =>
        Path.Combine(provider.GetRequiredService<IOptions<ContentOptions>>().Value.DataDirectory, name);
}
