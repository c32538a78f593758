using AsnBot.Knowledge.Content;
using AsnBot.Knowledge.Evaluation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AsnBot.Knowledge.Mentoring;

public static class MentoringDependencyInjection
{
    /// <summary>
    /// Evaluation and mentoring content and planners: <c>data/evaluation.yaml</c>,
    /// <c>data/question-banks/</c> and <c>data/mentoring.yaml</c>, read once at start.
    /// </summary>
    public static IServiceCollection AddEvaluationAndMentoring(this IServiceCollection services)
    {
        services.TryAddSingleton(provider => EvaluationSettings.Load(DataFile(provider, "evaluation.yaml")));
        services.TryAddSingleton(provider => QuestionBanks.Load(DataFile(provider, "question-banks")));
        services.TryAddSingleton(provider => MentoringSettings.Load(DataFile(provider, "mentoring.yaml")));
        services.TryAddSingleton<EvaluationPlanner>();
        services.TryAddSingleton<MentoringPlanner>();
        return services;
    }

    private static string DataFile(IServiceProvider provider, string name) => provider.GetRequiredService<IOptions<ContentOptions>>().Value.DataFile(name);
}
