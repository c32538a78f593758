using AsnBot.Knowledge.Content;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AsnBot.Knowledge.Answers;

public static class AnswersDependencyInjection
{
    /// <summary>The knowledge base, the route table and the retrieval answerer; the language model only when configured.</summary>
    public static IHostApplicationBuilder AddQuestionAnswers(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton(provider => KnowledgeBase.Load(DataPath(provider, "knowledge")));
        services.AddSingleton(provider => QuestionContent.Load(DataPath(provider, "questions.yaml")));
        services.AddSingleton<QuestionAnswerer>();
        services.AddScoped<AskService>();
        services.AddScoped<Questions.QuestionDesk>();
        return builder;
    }

    private static string DataPath(IServiceProvider provider, string name) =>
        Path.Combine(provider.GetRequiredService<IOptions<ContentOptions>>().Value.DataDirectory, name);
}
