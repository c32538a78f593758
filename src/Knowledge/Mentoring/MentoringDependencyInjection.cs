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
        services.TryAddSingleton(provider => EvaluationSettings.Load(Path.Combine(DataDirectory(provider), "evaluation.yaml")));
        services.TryAddSingleton(provider => QuestionBanks.Load(Path.Combine(DataDirectory(provider), "question-banks")));
        services.TryAddSingleton(provider => MentoringSettings.Load(Path.Combine(DataDirectory(provider), "mentoring.yaml")));
        services.TryAddSingleton<EvaluationPlanner>();
        services.TryAddSingleton<MentoringPlanner>();
        return services;
    }

    private static string DataDirectory(IServiceProvider provider) => provider.GetRequiredService<IOptions<ContentOptions>>().Value.DataDirectory;
}
